package io.marque.portal.mail;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Keeps the mail servers a reseller names (its IMAP mailbox, its SMTP relay) out of the provider's own
 * network. Those connections are made by the portal's servers on a reseller admin's say-so, and the
 * outcome is shown back to the admin; without this check a reseller could make the portal probe
 * loopback, private and link-local addresses (databases, metadata services, internal relays). An
 * installation whose resellers' mail servers really are private turns the check off with
 * {@code MARQUE_MAILBOX_ALLOW_PRIVATE}.
 *
 * <p>The name is resolved here and again by Jakarta Mail when it connects; a DNS answer that changes
 * in between is not caught.
 */
public final class MailServerAddress {

    /** The host resolves to an address that is not on the public internet. */
    public static final class NotPublicException extends IOException {
        public NotPublicException(String host) {
            super(host + " is not a public address");
        }
    }

    private MailServerAddress() {
    }

    /**
     * @throws UnknownHostException when the name does not resolve
     * @throws NotPublicException when any of its addresses is not public
     */
    public static void requirePublic(String host) throws UnknownHostException, NotPublicException {
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (!isPublic(address)) {
                throw new NotPublicException(host);
            }
        }
    }

    /** Whether an address lies outside every loopback, private, link-local, shared and reserved range. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return isPublicIpv4(new byte[] {b[12], b[13], b[14], b[15]}); // ::ffff:a.b.c.d
            }
            if (isZero(b, 0, 12)) {
                return false; // ::a.b.c.d (deprecated) and ::
            }
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && isZero(b, 4, 12)) {
                return isPublicIpv4(new byte[] {b[12], b[13], b[14], b[15]}); // 64:ff9b::/96 NAT64
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return !(a0 == 0 // this network
                || a0 == 10 // private
                || a0 == 127 // loopback
                || a0 == 100 && a1 >= 64 && a1 <= 127 // shared address space (carrier NAT)
                || a0 == 169 && a1 == 254 // link-local, cloud metadata
                || a0 == 172 && a1 >= 16 && a1 <= 31 // private
                || a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                || a0 == 192 && a1 == 168 // private
                || a0 == 198 && (a1 == 18 || a1 == 19) // benchmarking
                || a0 >= 224); // multicast, reserved, broadcast
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
