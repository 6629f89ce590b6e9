package io.marque.portal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostNameTest {

    @Test
    void lettersDigitsAndHyphensInLabels() {
        assertEquals(Optional.of("web01.example.com"), HostName.parse("Web01.Example.COM"));
        assertEquals(Optional.of("db-1"), HostName.parse("db-1"));
        assertEquals(Optional.of("xn--mller-kva.de"), HostName.parse("xn--mller-kva.de"));
        assertEquals(Optional.of("1and1.com"), HostName.parse("1and1.com"));
        String longest = ("a".repeat(63) + ".").repeat(3) + "b".repeat(61);
        assertEquals(253, longest.length());
        assertTrue(HostName.parse(longest).isPresent());
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"", "-web.example.com", "web-.example.com", "web_01.example.com", "a..b",
                ".example.com", "example.com.", "müller.de", "\u212Aelvin.example", "10.0.0.256", "192.0.2.1",
                "a".repeat(64) + ".com", ("a".repeat(63) + ".").repeat(3) + "b".repeat(62), "web 01", "host:80"}) {
            assertTrue(HostName.parse(bad).isEmpty(), bad);
        }
    }
}
