package io.marque.portal.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class MailServerAddressTest {

    @Test
    void publicAddressesArePublic() throws UnknownHostException {
        for (String address : new String[] {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.0.1",
                "172.32.0.1", "192.169.0.1", "198.17.0.1", "223.255.255.254", "2a00:1450:4001:80b::200e",
                "::ffff:8.8.8.8", "64:ff9b::808:808"}) {
            assertTrue(MailServerAddress.isPublic(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void theProvidersOwnNetworkIsNot() throws UnknownHostException {
        for (String address : new String[] {"127.0.0.1", "127.8.8.8", "0.0.0.0", "0.1.2.3", "10.0.0.5",
                "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255",
                "192.0.0.8", "198.18.0.1", "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
                "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::10.0.0.1",
                "64:ff9b::a00:1", "2001:db8::1"}) {
            assertFalse(MailServerAddress.isPublic(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void aNameThatResolvesInsideIsRefused() {
        assertThrows(MailServerAddress.NotPublicException.class, () -> MailServerAddress.requirePublic("127.0.0.1"));
        assertThrows(MailServerAddress.NotPublicException.class, () -> MailServerAddress.requirePublic("localhost"));
    }
}
