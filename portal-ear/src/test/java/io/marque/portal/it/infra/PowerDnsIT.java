package io.marque.portal.it.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.server.dns.DnsException;
import io.marque.portal.server.dns.DnsProvider;
import io.marque.portal.server.dns.PowerDnsProvider;
import io.marque.portal.server.dns.ReverseNames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The PowerDNS driver against a real {@code pdns_server}: what it writes through the API is what a
 * resolver gets over DNS, and its failures tell a customer nothing about the server. Plain JUnit, no
 * WildFly: the driver needs nothing from the container.
 */
class PowerDnsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static PowerDnsServer pdns;
    private static DnsProvider dns;

    @BeforeAll
    static void start() throws IOException {
        pdns = PowerDnsServer.start();
        pdns.createZone("2.0.192.in-addr.arpa.");
        // a wider zone too: the address above must still land in the narrower one
        pdns.createZone("192.in-addr.arpa.");
        pdns.createZone("8.b.d.0.1.0.0.2.ip6.arpa."); // 2001:db8::/32
        dns = new PowerDnsProvider(pdns.apiUrl(), pdns.apiKey(), "localhost", 300, TIMEOUT);
    }

    @AfterAll
    static void stop() {
        if (pdns != null) {
            pdns.close();
        }
    }

    @Test
    void ipv4PtrIsSetReplacedAndDeleted() throws Exception {
        InetAddress address = InetAddress.getByName("192.0.2.10");

        dns.setPtr(address, Optional.of("web1.example.com"));
        assertEquals(List.of("web1.example.com."), query(address));
        assertEquals(Optional.of("web1.example.com"), dns.ptr(address));

        dns.setPtr(address, Optional.of("Mail.Example.NET."));
        assertEquals(List.of("mail.example.net."), query(address), "replaced, not added");
        assertEquals(Optional.of("mail.example.net"), dns.ptr(address));

        dns.setPtr(address, Optional.empty());
        assertEquals(List.of(), query(address));
        assertEquals(Optional.empty(), dns.ptr(address));
        dns.setPtr(address, Optional.empty()); // deleting what is not there is fine
    }

    @Test
    void theNarrowestZoneHoldsTheRecordAndTheWiderOneTheRest() throws Exception {
        InetAddress narrow = InetAddress.getByName("192.0.2.20");
        InetAddress wide = InetAddress.getByName("192.0.3.20");
        dns.setPtr(narrow, Optional.of("narrow.example.com"));
        dns.setPtr(wide, Optional.of("wide.example.com"));
        // PowerDNS answers 192.0.2.x from 2.0.192.in-addr.arpa. only, so a record written to the wider
        // zone would not be found
        assertEquals(List.of("narrow.example.com."), query(narrow));
        assertEquals(List.of("wide.example.com."), query(wide));
    }

    @Test
    void ipv6PtrIsSetReplacedAndDeleted() throws Exception {
        InetAddress address = InetAddress.getByName("2001:db8:0:42::25");
        assertEquals(ReverseMap.fromAddress(address).toString(), ReverseNames.of(address), "names agree with dnsjava");

        dns.setPtr(address, Optional.of("bücher.example"));
        assertEquals(List.of("xn--bcher-kva.example."), query(address));
        assertEquals(Optional.of("xn--bcher-kva.example"), dns.ptr(address));

        dns.setPtr(address, Optional.of("v6.example.org"));
        assertEquals(List.of("v6.example.org."), query(address));

        dns.setPtr(address, Optional.empty());
        assertEquals(List.of(), query(address));
        assertEquals(Optional.empty(), dns.ptr(address));
    }

    @Test
    void anAddressWithoutAZoneIsRefusedPlainly() throws Exception {
        InetAddress address = InetAddress.getByName("198.51.100.7");
        DnsException refused = assertThrows(DnsException.class, () -> dns.setPtr(address, Optional.of("x.example.com")));
        assertEquals("No reverse zone is set up for this address.", refused.getMessage());
        assertEquals(Optional.empty(), dns.ptr(address));
    }

    @Test
    void aWrongKeyIsRefusedWithoutNamingTheServerOrTheKey() throws Exception {
        String wrongKey = "wrong-key-" + pdns.apiKey().hashCode();
        DnsProvider intruder = new PowerDnsProvider(pdns.apiUrl(), wrongKey, "localhost", 300, TIMEOUT);
        InetAddress address = InetAddress.getByName("192.0.2.30");

        DnsException refused = assertThrows(DnsException.class, () -> intruder.setPtr(address, Optional.of("x.example.com")));
        assertEquals("The DNS server refused the request.", refused.getMessage());
        assertSafe(refused.getMessage(), wrongKey);
        assertTrue(refused.detail().startsWith("HTTP 401"), refused.detail());
        assertFalse(refused.detail().contains(wrongKey), refused.detail());
        assertFalse(refused.detail().contains(pdns.apiKey()), refused.detail());
        assertThrows(DnsException.class, () -> intruder.ptr(address));
        assertEquals(List.of(), query(address));
    }

    @Test
    void aPortWhereNothingListensFailsWithinTheTimeout() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed;
        DnsProvider nowhere = new PowerDnsProvider(url, pdns.apiKey(), "localhost", 300, TIMEOUT);

        DnsException failed = assertWithinTimeout(() -> nowhere.setPtr(InetAddress.getByName("192.0.2.40"),
                Optional.of("x.example.com")));
        assertEquals("The DNS server did not answer; try again later.", failed.getMessage());
        assertSafe(failed.getMessage(), pdns.apiKey());
        assertFalse(failed.getMessage().contains(String.valueOf(closed)));
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // and never answer
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            DnsProvider mute = new PowerDnsProvider("http://127.0.0.1:" + silent.getLocalPort(), pdns.apiKey(),
                    "localhost", 300, TIMEOUT);

            DnsException failed = assertWithinTimeout(() -> mute.ptr(InetAddress.getByName("192.0.2.50")));
            assertEquals("The DNS server did not answer; try again later.", failed.getMessage());
            assertSafe(failed.getMessage(), pdns.apiKey());
        }
    }

    /** The PTR targets a resolver gets from the server over UDP. */
    private static List<String> query(InetAddress address) throws IOException {
        SimpleResolver resolver = new SimpleResolver(InetAddress.getByName("127.0.0.1"));
        resolver.setPort(pdns.dnsPort());
        resolver.setTimeout(Duration.ofSeconds(3));
        Message answer = resolver.send(Message.newQuery(Record.newRecord(ReverseMap.fromAddress(address), Type.PTR, DClass.IN)));
        int rcode = answer.getRcode();
        assertTrue(rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN, "rcode " + Rcode.string(rcode));
        assertTrue(answer.getHeader().getFlag(Flags.AA), "authoritative answer");
        List<String> targets = new ArrayList<>();
        for (Record record : answer.getSection(Section.ANSWER)) {
            if (record instanceof PTRRecord ptr) {
                targets.add(ptr.getTarget().toString());
            }
        }
        return targets;
    }

    /** Both requests of a call may wait the timeout; anything much longer is a hang. */
    private static DnsException assertWithinTimeout(Executable call) {
        long start = System.nanoTime();
        DnsException failed = assertThrows(DnsException.class, call);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(TIMEOUT.multipliedBy(2).plusSeconds(2)) < 0, "failed after " + took);
        return failed;
    }

    private static void assertSafe(String message, String key) {
        for (String secret : List.of(pdns.apiUrl(), "127.0.0.1", key, "PowerDNS", "pdns", "http")) {
            assertFalse(message.toLowerCase().contains(secret.toLowerCase()), message + " names " + secret);
        }
    }
}
