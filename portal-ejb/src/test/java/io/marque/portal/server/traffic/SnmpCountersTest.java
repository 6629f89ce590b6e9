package io.marque.portal.server.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.server.driver.TrafficCounters;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** snmpget's answers as net-snmp 5.9.3 (Debian 12) gives them, captured from a real snmpd. */
class SnmpCountersTest {

    @Test
    void twoCountersAreTheSwitchPortsInAndOutTurnedRoundToTheServers() throws SnmpException {
        Optional<TrafficCounters> read = SnmpCounters.outcome(0, "13186206429\n2322851\n", "");
        // the switch received 13186206429 from the server: the server sent it
        assertEquals(Optional.of(new TrafficCounters(2322851, 13186206429L)), read);
    }

    @Test
    void aPortThatDoesNotExistIsSaid() {
        String out = "No Such Instance currently exists at this OID\nNo Such Instance currently exists at this OID\n";
        assertEquals(SnmpException.Reason.NO_SUCH_PORT,
                assertThrows(SnmpException.class, () -> SnmpCounters.outcome(0, out, "")).reason());
    }

    @Test
    void aSwitchWithoutSixtyFourBitCountersGivesNone() throws SnmpException {
        String out = "No Such Object available on this agent at this OID\n"
                + "No Such Object available on this agent at this OID\n";
        assertEquals(Optional.empty(), SnmpCounters.outcome(0, out, ""));
    }

    @Test
    void aTimeoutOrAWrongCommunityIsNoAnswer() {
        SnmpException e = assertThrows(SnmpException.class,
                () -> SnmpCounters.outcome(1, "", "Timeout: No Response from 127.0.0.1:16161.\n"));
        assertEquals(SnmpException.Reason.NO_ANSWER, e.reason());
        assertFalse(e.getMessage().contains("127.0.0.1"), "the message names no address");
    }

    @Test
    void anythingElseFails() {
        for (String[] answer : List.of(new String[] {"1", "", "snmpget: Unknown host (nonexistent.invalid) (Invalid argument)\n"},
                new String[] {"0", "12\n", ""}, new String[] {"0", "12\nWrong Type (should be Counter64): INTEGER: 5\n", ""},
                new String[] {"0", "-3\n4\n", ""}, new String[] {"0", "", ""})) {
            SnmpException e = assertThrows(SnmpException.class,
                    () -> SnmpCounters.outcome(Integer.parseInt(answer[0]), answer[1], answer[2]));
            assertEquals(SnmpException.Reason.FAILED, e.reason(), String.join("|", answer));
        }
    }

    @Test
    void theCommunityIsNotOnTheCommandLine() {
        List<String> line = new SnmpCounters("snmpget", Duration.ofSeconds(3)).commandLine("10.0.0.2", 161, 17);
        assertEquals(List.of("snmpget", "-v2c", "-On", "-Oqv", "-t", "3", "-r", "1", "10.0.0.2:161",
                "1.3.6.1.2.1.31.1.1.1.6.17", "1.3.6.1.2.1.31.1.1.1.10.17"), line);
    }

    @Test
    void anIpv6SwitchIsAddressedWithItsTransport() {
        assertEquals("udp6:[2001:db8::2]:161", SnmpCounters.agent("2001:db8::2", 161));
        assertEquals("switch-1.fra.example:1161", SnmpCounters.agent("switch-1.fra.example", 1161));
    }

    @Test
    void theCommunityIsQuotedInTheConfiguration() {
        assertEquals("mibs :\ndefCommunity \"\\\"it's a \\\\ #secret\"\n", SnmpCounters.configuration("\"it's a \\ #secret"));
    }

    @Test
    void aMissingSnmpgetFailsAtOnce() {
        SnmpCounters counters = new SnmpCounters("/nonexistent/snmpget", Duration.ofSeconds(1));
        assertEquals(SnmpException.Reason.FAILED,
                assertThrows(SnmpException.class, () -> counters.read("127.0.0.1", 161, "c", 1)).reason());
    }

    @Test
    void aHangingSnmpgetIsKilledAtTheDeadline() {
        // a switch that never lets snmpget end, as a stuck DNS lookup could
        SnmpCounters counters = new SnmpCounters("/bin/sleep", Duration.ofSeconds(1)) {
            @Override
            List<String> commandLine(String host, int port, int ifIndex) {
                return List.of("/bin/sleep", "30");
            }
        };
        long start = System.nanoTime();
        SnmpException e = assertThrows(SnmpException.class, () -> counters.read("127.0.0.1", 161, "c", 1));
        assertEquals(SnmpException.Reason.NO_ANSWER, e.reason());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(counters.deadline().plusSeconds(3)) < 0);
    }
}
