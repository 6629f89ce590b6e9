package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.identity.Actor;
import io.marque.portal.it.infra.LocalDaemons;
import io.marque.portal.it.infra.PowerDnsServer;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.server.AddressView;
import io.marque.portal.server.ReverseDns;
import io.marque.portal.server.ServerActions;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Reverse DNS from a customer's request to the provider's DNS server: a real {@code pdns_server}
 * started inside the server for each test, the portal pointed at it through {@code marque.pdns.*}
 * properties, and every change read back with a DNS query. A refused name or an address of another
 * server changes nothing in DNS.
 */
@ExtendWith(ArquillianExtension.class)
class ServerReverseDnsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        // dnsjava, which the test's queries use, is in the application itself
        return Deployments.earWith(ServerReverseDnsIT.class, ServerFixtures.class, PowerDnsServer.class, LocalDaemons.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    ServerFixtures servers;

    @Inject
    ServerActions actions;

    @Inject
    ReverseDns reverseDns;

    private PowerDnsServer pdns;
    private Fixtures.Reseller a;
    private Actor provider;

    @BeforeEach
    void aDnsServer() throws Exception {
        pdns = PowerDnsServer.start();
        pdns.createZone("18.198.in-addr.arpa.");
        pdns.createZone("19.198.in-addr.arpa.");
        pdns.createZone("1.f.0.0.8.b.d.0.1.0.0.2.ip6.arpa.");
        System.setProperty("marque.pdns.url", pdns.apiUrl());
        System.setProperty("marque.pdns.api.key", pdns.apiKey());
        a = fixtures.reseller("rdns");
        provider = fixtures.providerAdmin();
    }

    @AfterEach
    void stop() {
        System.clearProperty("marque.pdns.url");
        System.clearProperty("marque.pdns.api.key");
        pdns.close();
    }

    @Test
    void aCustomersNameReachesTheDnsServerAndThePage() throws Exception {
        long id = servers.assigned(provider, a, "rdns");
        List<AddressView> addresses = actions.view(a.customer(), id).addresses();
        String v4 = addresses.stream().filter(x -> x.family() == 4).findFirst().orElseThrow().address();
        String v6 = addresses.stream().filter(x -> x.family() == 6).findFirst().orElseThrow().address();

        reverseDns.set(a.customer(), id, v4, "Mail.Carla-Shop.example.");
        assertEquals(List.of("mail.carla-shop.example."), query(v4));
        assertEquals("mail.carla-shop.example", ptrOf(id, v4));

        reverseDns.set(a.customer(), id, v6, "v6.carla-shop.example");
        assertEquals(List.of("v6.carla-shop.example."), query(v6));

        reverseDns.set(a.admin(), id, v4, "www.carla-shop.example");
        assertEquals(List.of("www.carla-shop.example."), query(v4), "replaced, not added");

        reverseDns.set(a.customer(), id, v4, "");
        assertEquals(List.of(), query(v4), "blank removes the record");
        assertEquals(null, ptrOf(id, v4));
    }

    @Test
    void refusedNamesAndForeignAddressesChangeNothing() throws Exception {
        long id = servers.assigned(provider, a, "rdns-refused");
        long other = servers.assigned(provider, fixtures.reseller("rdns-other"), "rdns-other");
        String v4 = servers.ipv4(id);
        reverseDns.set(a.customer(), id, v4, "kept.carla-shop.example");

        for (String bad : List.of("<script>alert(1)</script>.example", "single", "a..b.example", "1.2.3.4",
                "x".repeat(64) + ".example", "-lead.example")) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> reverseDns.set(a.customer(), id, v4, bad), bad);
            assertTrue(refused.problems().get("ptr").startsWith("server.rdns."), refused.problems().toString());
        }
        assertThrows(NotFoundException.class, () -> reverseDns.set(a.customer(), id, servers.ipv4(other), "x.example"),
                "another server's address");
        assertThrows(NotFoundException.class, () -> reverseDns.set(a.customer(), other, servers.ipv4(other), "x.example"),
                "another reseller's server");
        assertEquals(List.of("kept.carla-shop.example."), query(v4));
        assertEquals(List.of(), query(servers.ipv4(other)));
    }

    @Test
    void aDnsServerThatIsDownGivesAClearErrorAndKeepsTheOldName() throws Exception {
        long id = servers.assigned(provider, a, "rdns-down");
        String v4 = servers.ipv4(id);
        reverseDns.set(a.customer(), id, v4, "before.carla-shop.example");
        pdns.close();

        InvalidInputException down = assertThrows(InvalidInputException.class,
                () -> reverseDns.set(a.customer(), id, v4, "after.carla-shop.example"));
        assertEquals("server.rdns.unavailable", down.problems().get("ptr"));
        assertEquals("before.carla-shop.example", ptrOf(id, v4), "the page keeps what DNS has");
    }

    private String ptrOf(long serverId, String address) {
        return actions.view(a.customer(), serverId).addresses().stream().filter(x -> x.address().equals(address))
                .findFirst().orElseThrow().ptr();
    }

    private List<String> query(String address) throws Exception {
        SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
        resolver.setPort(pdns.dnsPort());
        resolver.setTimeout(Duration.ofSeconds(3));
        Message answer = resolver.send(Message.newQuery(
                Record.newRecord(ReverseMap.fromAddress(InetAddress.getByName(address)), Type.PTR, DClass.IN)));
        List<String> targets = new ArrayList<>();
        for (Record record : answer.getSection(Section.ANSWER)) {
            if (record instanceof PTRRecord ptr) {
                targets.add(ptr.getTarget().toString());
            }
        }
        return targets;
    }
}
