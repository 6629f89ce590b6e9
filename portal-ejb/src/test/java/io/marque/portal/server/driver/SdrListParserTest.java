package io.marque.portal.server.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sdr elist} as ipmitool 1.8.19 prints it, captured from OpenIPMI's ipmi_sim. */
class SdrListParserTest {

    /** Three threshold sensors and one discrete sensor (a power supply's presence). */
    private static final String FOUR_SENSORS = """
            CPU Temp         | 01h | ok  |  3.1 | 45 degrees C
            Fan 1            | 02h | ok  |  7.1 | 3600 RPM
            Vcore            | 03h | ok  |  7.1 | 0 Volts
            PS1 Status       | 04h | ok  | 10.1 | Presence detected
            """;

    /** A BMC with an empty SDR repository: this goes to standard output, with exit code 0. */
    private static final String NO_SENSORS = """
            SDRR successfully erased
            Err in cmd get sensor sdr info
            """;

    @Test
    void numbersAreSplitFromTheirUnitAndStatesAreKeptWhole() {
        assertEquals(List.of(
                new SensorReading("CPU Temp", "45", "degrees C", "ok"),
                new SensorReading("Fan 1", "3600", "RPM", "ok"),
                new SensorReading("Vcore", "0", "Volts", "ok"),
                new SensorReading("PS1 Status", "Presence detected", "", "ok")),
                SdrListParser.parse(FOUR_SENSORS));
    }

    @Test
    void anEmptyRepositoryMeansNoSensors() {
        assertEquals(List.of(), SdrListParser.parse(NO_SENSORS));
        assertEquals(List.of(), SdrListParser.parse(""));
    }

    @Test
    void decimalsNegativesAndUnreadableSensors() {
        String output = """
                Voltage 1        | 6Ch | ok  | 10.1 | 12.10 Volts
                Inlet Temp       | 04h | ok  |  7.1 | -5 degrees C
                Fan4B RPM        | 39h | ns  |  7.1 | No Reading
                Intrusion        | 73h | ok  |  7.1 |\s
                """;
        assertEquals(List.of(
                new SensorReading("Voltage 1", "12.10", "Volts", "ok"),
                new SensorReading("Inlet Temp", "-5", "degrees C", "ok"),
                new SensorReading("Fan4B RPM", "", "", "ns"),
                new SensorReading("Intrusion", "", "", "ok")),
                SdrListParser.parse(output));
    }
}
