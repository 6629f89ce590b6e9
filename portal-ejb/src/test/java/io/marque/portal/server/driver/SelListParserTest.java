package io.marque.portal.server.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sel elist} as ipmitool 1.8.19 prints it. */
class SelListParserTest {

    @Test
    void anEventBeforeTheClockWasSet() {
        // captured from ipmi_sim, whose SEL clock counts seconds since it started
        String output = "   1 |  Pre-Init  |0000001033| Temperature CPU Temp | Upper Non-critical going high | Asserted"
                + " | Reading 90 > Threshold 90 degrees C\n";
        assertEquals(List.of(new EventLogEntry("1", "Pre-Init 0000001033", "Temperature CPU Temp",
                "Upper Non-critical going high, Asserted, Reading 90 > Threshold 90 degrees C")),
                SelListParser.parse(output));
    }

    @Test
    void eventsWithADateKeepTheirOrderAndHexIds() {
        String output = """
                   9 | 04/12/2026 | 09:12:44 | Temperature CPU1 Temp | Upper Critical going high | Asserted
                   a | 04/12/2026 | 09:13:02 | Power Supply PS1 Status | Presence detected | Deasserted
                """;
        assertEquals(List.of(
                new EventLogEntry("9", "04/12/2026 09:12:44", "Temperature CPU1 Temp", "Upper Critical going high, Asserted"),
                new EventLogEntry("a", "04/12/2026 09:13:02", "Power Supply PS1 Status", "Presence detected, Deasserted")),
                SelListParser.parse(output));
    }

    @Test
    void aRecordWithoutTimeOrSensorKeepsItsText() {
        assertEquals(List.of(new EventLogEntry("3", "", "", "Linux kernel panic: Fatal excep")),
                SelListParser.parse("   3 | Linux kernel panic: Fatal excep\n"));
    }

    @Test
    void anEmptyLogPrintsNothing() {
        // "SEL has no entries" goes to standard error
        assertEquals(List.of(), SelListParser.parse(""));
        assertEquals(List.of(), SelListParser.parse("\n"));
    }
}
