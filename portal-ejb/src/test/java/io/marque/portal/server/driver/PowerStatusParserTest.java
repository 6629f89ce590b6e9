package io.marque.portal.server.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code chassis power status} as ipmitool prints it; anything else is no state at all. */
class PowerStatusParserTest {

    @Test
    void onAndOff() {
        assertEquals(Optional.of(PowerState.ON), PowerStatusParser.parse("Chassis Power is on\n"));
        assertEquals(Optional.of(PowerState.OFF), PowerStatusParser.parse("Chassis Power is off\n"));
    }

    @Test
    void anythingElseIsNotAState() {
        assertEquals(Optional.empty(), PowerStatusParser.parse(""));
        assertEquals(Optional.empty(), PowerStatusParser.parse("Chassis Power Control: Up/On\n"));
        assertEquals(Optional.empty(), PowerStatusParser.parse("Chassis Power is unknown\n"));
    }
}
