package io.marque.portal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpLiteralTest {

    @Test
    void dottedQuadsOnly() {
        for (String good : new String[] {"0.0.0.0", "192.0.2.1", "255.255.255.255", "10.0.0.10"}) {
            assertEquals(Optional.of(good), IpLiteral.ipv4(good), good);
        }
        for (String bad : new String[] {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.04", "010.0.0.1", " 1.2.3.4",
                "1.2.3.4.", "1.2.3.-4", "0x7f.0.0.1", "127.1", "2130706433", "localhost", "::1", "1.2.3.4/24", "١.٢.٣.٤"}) {
            assertTrue(IpLiteral.ipv4(bad).isEmpty(), bad);
        }
    }

    @Test
    void ipv6IsWrittenTheCanonicalWay() {
        String[][] cases = {
                {"2001:DB8:0:0:0:0:0:1", "2001:db8::1"},
                {"2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"},
                {"2001:db8::0:1", "2001:db8::1"},
                {"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},
                {"2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"},
                {"1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"},
                {"::", "::"},
                {"::1", "::1"},
                {"1::", "1::"},
                {"fe80::", "fe80::"},
                {"::ffff:192.0.2.1", "::ffff:c000:201"},
                {"64:ff9b::192.0.2.33", "64:ff9b::c000:221"},
                {"1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"},
                {"2a00:1450:4001:80b::200e", "2a00:1450:4001:80b::200e"},
        };
        for (String[] c : cases) {
            assertEquals(Optional.of(c[1]), IpLiteral.ipv6(c[0]), c[0]);
        }
    }

    @Test
    void anythingElseIsNotAnIpv6Literal() {
        for (String bad : new String[] {"", ":", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:", "12345::", "g::1", "1.2.3.4::", "1.2.3.4::1", "::1.2.3", "::256.1.1.1", "[::1]",
                "::1/64", "fe80::1%eth0", "1:2:3:4:5:6:7:8::", "1:2:3:4:5:6:7:1.2.3.4", "192.0.2.1", "localhost",
                "::1.2.3.4:5", " ::1"}) {
            assertTrue(IpLiteral.ipv6(bad).isEmpty(), bad);
        }
    }
}
