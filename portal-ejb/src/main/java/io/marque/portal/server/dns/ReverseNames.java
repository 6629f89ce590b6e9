package io.marque.portal.server.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The owner name of an address's PTR record, as the DNS looks it up: the IPv4 octets or the IPv6
 * nibbles in reverse order under {@code in-addr.arpa.} or {@code ip6.arpa.} (RFC 1035 §3.5, RFC 3596
 * §2.5). Always absolute, with the final dot, because that is how DNS servers name records and zones,
 * so a zone can be matched against it by a plain suffix test.
 *
 * <pre>{@code
 * ReverseNames.of(InetAddress.getByName("192.0.2.4"))   // "4.2.0.192.in-addr.arpa."
 * ReverseNames.of(InetAddress.getByName("2001:db8::1")) // "1.0.0.0.….8.b.d.0.1.0.0.2.ip6.arpa."
 * }</pre>
 */
public final class ReverseNames {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ReverseNames() {
    }

    /**
     * @param address an IPv4 or IPv6 address; an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is
     *                already an {@link Inet4Address} in Java, so it gets the {@code in-addr.arpa.} name
     * @return the absolute PTR owner name, lower case, with the final dot
     */
    public static String of(InetAddress address) {
        byte[] bytes = address.getAddress();
        StringBuilder name = new StringBuilder(80);
        if (address instanceof Inet4Address) {
            for (int i = bytes.length - 1; i >= 0; i--) {
                name.append(bytes[i] & 0xff).append('.');
            }
            return name.append("in-addr.arpa.").toString();
        }
        if (address instanceof Inet6Address) {
            for (int i = bytes.length - 1; i >= 0; i--) {
                name.append(HEX[bytes[i] & 0x0f]).append('.').append(HEX[(bytes[i] >> 4) & 0x0f]).append('.');
            }
            return name.append("ip6.arpa.").toString();
        }
        throw new IllegalArgumentException("Neither IPv4 nor IPv6: " + address);
    }
}
