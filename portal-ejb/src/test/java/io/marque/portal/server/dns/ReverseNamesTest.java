package io.marque.portal.server.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** The PTR owner names are the ones DNS resolvers look up (RFC 1035, RFC 3596 examples). */
class ReverseNamesTest {

    @Test
    void ipv4OctetsAreReversedUnderInAddrArpa() throws UnknownHostException {
        assertEquals("4.3.2.1.in-addr.arpa.", ReverseNames.of(InetAddress.getByName("1.2.3.4")));
        assertEquals("4.2.0.192.in-addr.arpa.", ReverseNames.of(InetAddress.getByName("192.0.2.4")));
        assertEquals("0.0.0.0.in-addr.arpa.", ReverseNames.of(InetAddress.getByName("0.0.0.0")));
        assertEquals("255.255.255.255.in-addr.arpa.", ReverseNames.of(InetAddress.getByName("255.255.255.255")));
    }

    @Test
    void ipv6NibblesAreReversedUnderIp6Arpa() throws UnknownHostException {
        // RFC 3596 §2.5: 4321:0:1:2:3:4:567:89ab
        assertEquals("b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.0.0.0.0.1.2.3.4.ip6.arpa.",
                ReverseNames.of(InetAddress.getByName("4321:0:1:2:3:4:567:89ab")));
        assertEquals("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.",
                ReverseNames.of(InetAddress.getByName("2001:db8::1")));
    }

    @Test
    void ipv6NameHasAllThirtyTwoNibblesInLowerCase() throws UnknownHostException {
        String name = ReverseNames.of(InetAddress.getByName("FFFF:ABCD::"));
        assertEquals(32 * 2 + "ip6.arpa.".length(), name.length());
        assertTrue(name.endsWith("d.c.b.a.f.f.f.f.ip6.arpa."), name);
    }

    @Test
    void ipv4MappedIpv6IsNamedAsIpv4() throws UnknownHostException {
        assertEquals("4.2.0.192.in-addr.arpa.", ReverseNames.of(InetAddress.getByName("::ffff:192.0.2.4")));
    }
}
