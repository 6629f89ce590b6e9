package io.marque.portal.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsJavaLookupTest {

    @Test
    void resolverListsTakeAddressesWithOrWithoutPorts() {
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 5353), new InetSocketAddress("192.0.2.53", 53),
                new InetSocketAddress("2001:db8::1", 53), new InetSocketAddress("2001:db8::2", 5300)),
                DnsJavaLookup.servers("127.0.0.1:5353, 192.0.2.53 2001:db8::1,[2001:db8::2]:5300"));
        assertEquals(List.of(), DnsJavaLookup.servers(""));
    }

    @Test
    void aNameIsNotAResolverAddress() {
        // a name would itself need DNS to be found
        assertThrows(IllegalArgumentException.class, () -> DnsJavaLookup.servers("dns.example:53"));
    }
}
