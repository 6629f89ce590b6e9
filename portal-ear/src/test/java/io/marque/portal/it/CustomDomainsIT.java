package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.domains.CustomDomain;
import io.marque.portal.domains.CustomDomainView;
import io.marque.portal.domains.CustomDomains;
import io.marque.portal.domains.DomainChecks;
import io.marque.portal.domains.DomainRecord.Kind;
import io.marque.portal.domains.DomainRecord.State;
import io.marque.portal.identity.Actor;
import io.marque.portal.it.infra.LocalDaemons;
import io.marque.portal.it.infra.PowerDnsServer;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.DomainService;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reseller brings its own domain, checked against a real authoritative DNS server ({@code pdns_server},
 * started inside the server for each test, the portal's resolver pointed at it): pending while nothing
 * is there, wrong records reported with what is there instead, active (and routed) once the ownership
 * record is found, attention when a record found before is removed, and back. Isolation: a host proven
 * by one reseller cannot be claimed or routed for another, and another reseller's claim is a 404.
 */
@ExtendWith(ArquillianExtension.class)
class CustomDomainsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(CustomDomainsIT.class, PowerDnsServer.class, LocalDaemons.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    CustomDomains domains;

    @Inject
    DomainChecks checks;

    @Inject
    DomainDirectory directory;

    @Inject
    DomainService platformDomains;

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    private PowerDnsServer pdns;
    private Fixtures.Reseller a;
    private Fixtures.Reseller b;
    private String zone;

    @BeforeEach
    void aDnsServer() throws Exception {
        pdns = PowerDnsServer.start();
        zone = "cloud-" + Long.toString(System.nanoTime(), 36) + ".test";
        pdns.createZone(zone + ".");
        pdns.createZone("portal-dns.test.");
        pdns.addRecord("edge.portal-dns.test.", "A", 60, "127.0.0.1");
        System.setProperty("marque.dns.resolvers", "127.0.0.1:" + pdns.dnsPort());
        System.setProperty("marque.dns.cname.target", "edge.portal-dns.test");
        System.setProperty("marque.dns.spf.include", "spf.portal-dns.test");
        a = fixtures.reseller("dom-a");
        b = fixtures.reseller("dom-b");
    }

    @AfterEach
    void stop() {
        System.clearProperty("marque.dns.resolvers");
        System.clearProperty("marque.dns.cname.target");
        System.clearProperty("marque.dns.spf.include");
        pdns.close();
    }

    @Test
    void aClaimTurnsActiveWhenItsOwnershipRecordAppearsAndRoutesTheHost() throws Exception {
        String host = "support." + zone;
        CustomDomainView claim = domains.add(a.admin(), host, zone);
        assertEquals(CustomDomain.Status.PENDING, claim.status());
        assertEquals(List.of(Kind.PORTAL, Kind.OWNERSHIP, Kind.SPF, Kind.DKIM, Kind.DMARC),
                claim.records().stream().map(CustomDomainView.RecordView::kind).toList());
        claim.records().forEach(r -> assertEquals(State.PENDING, r.state(), r.kind() + " before any record"));
        assertTrue(directory.lookup(host).isEmpty(), "a claim alone routes nothing");

        // a wrong ownership token and a CNAME elsewhere: reported with what is there, still not routed
        pdns.addRecord("_portal-verify." + host + ".", "TXT", 60, "\"portal-verify=not-the-token\"");
        pdns.addRecord(host + ".", "CNAME", 60, "old-host.example.");
        claim = domains.checkNow(a.admin(), claim.id());
        assertEquals(State.WRONG, record(claim, Kind.OWNERSHIP).state());
        assertEquals("portal-verify=not-the-token", record(claim, Kind.OWNERSHIP).found());
        assertEquals("CNAME old-host.example", record(claim, Kind.PORTAL).found());
        assertEquals(CustomDomain.Status.PENDING, claim.status());
        assertTrue(directory.lookup(host).isEmpty());

        publish(claim);
        claim = domains.checkNow(a.admin(), claim.id());
        assertEquals(CustomDomain.Status.ACTIVE, claim.status());
        claim.records().forEach(r -> assertEquals(State.FOUND, r.state(), r.kind() + " once published"));
        assertEquals(List.of("domains.warn.supportAddress"), claim.warnings(), "the fixture's support address is elsewhere");
        assertEquals(a.tenantId(), directory.lookup(host).map(TenantSnapshot::id).orElseThrow());
        assertEquals(1L, activities(a.tenantId(), "domain.verified", host));
        assertEquals(1L, activities(a.tenantId(), "domain.claimed", host));

        // made the main address: mail links point there
        domains.makePrimary(a.admin(), claim.id());
        assertEquals(host, directory.byId(a.tenantId()).orElseThrow().primaryHost());
    }

    @Test
    void aRecordRemovedLaterTurnsTheDomainToAttentionAndBack() throws Exception {
        String host = "portal." + zone;
        CustomDomainView claim = domains.add(a.admin(), host, zone);
        publish(claim);
        claim = domains.checkNow(a.admin(), claim.id());
        assertEquals(CustomDomain.Status.ACTIVE, claim.status());

        pdns.deleteRecord("_dmarc." + zone + ".", "TXT");
        pdns.deleteRecord(host + ".", "CNAME");
        claim = domains.checkNow(a.admin(), claim.id());
        assertEquals(CustomDomain.Status.ATTENTION, claim.status());
        assertEquals(State.PENDING, record(claim, Kind.PORTAL).state());
        assertTrue(claim.warnings().containsAll(List.of("domains.warn.portal", "domains.warn.dmarc")), claim.warnings().toString());
        assertTrue(claim.attention());
        assertEquals(a.tenantId(), directory.lookup(host).map(TenantSnapshot::id).orElseThrow(),
                "a lost record warns, it does not take the portal away");
        long id = claim.id();
        assertTrue(domains.all(fixtures.providerAgent()).stream().anyMatch(d -> d.id() == id && d.attention()),
                "the provider's list shows it needing attention");

        publish(claim);
        claim = domains.checkNow(a.admin(), claim.id());
        assertEquals(CustomDomain.Status.ACTIVE, claim.status());
        assertEquals(1L, activities(a.tenantId(), "domain.attention", host));
        assertEquals(1L, activities(a.tenantId(), "domain.restored", host));
    }

    @Test
    void aDnsServerThatDoesNotAnswerChangesNothing() throws Exception {
        String host = "quiet." + zone;
        CustomDomainView claim = domains.add(a.admin(), host, null);
        publish(claim);
        claim = domains.checkNow(a.admin(), claim.id());
        assertEquals(CustomDomain.Status.ACTIVE, claim.status());
        pdns.close();
        System.setProperty("marque.dns.timeout.ms", "300");
        try {
            claim = domains.checkNow(a.admin(), claim.id());
        } finally {
            System.clearProperty("marque.dns.timeout.ms");
        }
        assertEquals(CustomDomain.Status.ACTIVE, claim.status());
        claim.records().forEach(r -> assertEquals(State.FOUND, r.state()));
        pdns = PowerDnsServer.start(); // for @AfterEach
    }

    @Test
    void aHostProvenByOneResellerCannotBeClaimedOrRoutedForAnother() throws Exception {
        String host = "shared." + zone;
        // both claim it while it is unproven: allowed, each with its own token
        CustomDomainView mine = domains.add(a.admin(), host, null);
        CustomDomainView theirs = domains.add(b.admin(), host, null);
        assertFalse(record(mine, Kind.OWNERSHIP).expected().equals(record(theirs, Kind.OWNERSHIP).expected()));

        publish(mine);
        assertEquals(CustomDomain.Status.ACTIVE, domains.checkNow(a.admin(), mine.id()).status());
        // B's own token appears too (B also controls... nothing: a test of the rule, not of DNS)
        pdns.addRecord("_portal-verify." + host + ".", "TXT", 60, "\"" + record(mine, Kind.OWNERSHIP).expected() + "\"",
                "\"" + record(theirs, Kind.OWNERSHIP).expected() + "\"");
        theirs = domains.checkNow(b.admin(), theirs.id());
        assertEquals(CustomDomain.Status.PENDING, theirs.status());
        assertEquals("domains.problem.taken", theirs.problem());
        assertEquals(a.tenantId(), directory.lookup(host).map(TenantSnapshot::id).orElseThrow());

        // a new claim of a proven host is refused outright, as is a platform host
        InvalidInputException taken = assertThrows(InvalidInputException.class, () -> domains.add(b.admin(), host, null));
        assertEquals("error.domain.taken", taken.problems().get("host"));
        assertEquals("error.domain.taken", assertThrows(InvalidInputException.class,
                () -> domains.add(b.admin(), a.host(), null)).problems().get("host"));
    }

    @Test
    void anotherResellersClaimIsNotFoundAndCustomersAndAgentsAreRefused() {
        CustomDomainView claim = domains.add(a.admin(), "iso." + zone, zone);
        long id = claim.id();
        assertThrows(NotFoundException.class, () -> domains.get(b.admin(), id));
        assertThrows(NotFoundException.class, () -> domains.checkNow(b.admin(), id));
        assertThrows(NotFoundException.class, () -> domains.makePrimary(b.admin(), id));
        assertThrows(NotFoundException.class, () -> domains.remove(b.admin(), id));
        assertTrue(domains.own(b.admin()).isEmpty());
        assertThrows(ForbiddenException.class, () -> domains.own(a.customer()));
        assertThrows(ForbiddenException.class, () -> domains.add(a.agent(), "x." + zone, null));
        assertThrows(ForbiddenException.class, () -> domains.all(a.admin()));
        assertThrows(ForbiddenException.class, () -> domains.removeAsProvider(fixtures.providerAgent(), id));
        assertEquals(1, domains.own(a.admin()).size(), "nothing of A's changed");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        for (String bad : new String[] {"", "localhost", "a/b.test", "http://x.test", "x..test", "1.2.3.4", "bad_host.test",
                "x".repeat(64) + ".test", "münchen.test\u0000"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> domains.add(a.admin(), bad, null), bad);
            assertEquals("error.domain.invalid", e.problems().get("host"), bad);
        }
        assertEquals("error.domain.invalid", assertThrows(InvalidInputException.class,
                () -> domains.add(a.admin(), "ok." + zone, "mail domain")).problems().get("mailDomain"));
        domains.add(a.admin(), "Twice." + zone.toUpperCase(Locale.ROOT) + ".", null);
        assertEquals("error.domain.claimed", assertThrows(InvalidInputException.class,
                () -> domains.add(a.admin(), "twice." + zone, null)).problems().get("host"));
        assertEquals(1, domains.own(a.admin()).size());
    }

    @Test
    void removingAProvenDomainStopsRoutingItAndIsAudited() throws Exception {
        String host = "gone." + zone;
        CustomDomainView claim = domains.add(a.admin(), host, zone);
        publish(claim);
        domains.checkNow(a.admin(), claim.id());
        assertTrue(directory.lookup(host).isPresent());
        long routingId = platformDomains.own(a.admin()).stream().filter(d -> d.host().equals(host)).findFirst().orElseThrow().id();
        assertEquals("error.domain.fromClaim", assertThrows(InvalidInputException.class,
                () -> platformDomains.remove(fixtures.providerAdmin(), routingId)).problems().get(""));

        domains.remove(a.admin(), claim.id());
        assertTrue(directory.lookup(host).isEmpty());
        assertTrue(domains.own(a.admin()).isEmpty());
        assertEquals(1L, activities(a.tenantId(), "domain.removed", host));
    }

    @Test
    void aProviderAdminRemovesAResellersClaimAndBothLogsSayWho() {
        String host = "abuse." + zone;
        CustomDomainView claim = domains.add(a.admin(), host, null);
        domains.removeAsProvider(fixtures.providerAdmin(), claim.id());
        assertTrue(domains.own(a.admin()).isEmpty());
        assertEquals(1L, activities(a.tenantId(), "domain.removed", host));
        assertEquals(1L, activities(fixtures.providerAdmin().tenantId(), "domain.removed", host));
    }

    @Test
    void theRecordsNameNothingOfTheProvider() {
        CustomDomainView claim = domains.add(a.admin(), "brand." + zone, zone);
        TenantSnapshot provider = directory.byId(fixtures.providerAdmin().tenantId()).orElseThrow();
        List<String> providerWords = List.of(provider.name(), provider.slug(), provider.primaryHost(), provider.displayName());
        for (CustomDomainView.RecordView r : claim.records()) {
            for (String word : providerWords) {
                String lower = word.toLowerCase(Locale.ROOT);
                assertFalse(r.name().toLowerCase(Locale.ROOT).contains(lower), r.name() + " names " + word);
                assertFalse(r.expected().toLowerCase(Locale.ROOT).contains(lower), r.expected() + " names " + word);
            }
        }
    }

    @Test
    void theScheduledCheckTakesOnlyDueClaims() throws Exception {
        CustomDomainView claim = domains.add(a.admin(), "timer." + zone, null);
        publish(claim);
        Instant next = domains.get(a.admin(), claim.id()).nextCheckAt();
        checks.checkDue(next.minusSeconds(1));
        assertEquals(CustomDomain.Status.PENDING, domains.get(a.admin(), claim.id()).status(), "not due yet");
        checks.checkDue(next);
        assertEquals(CustomDomain.Status.ACTIVE, domains.get(a.admin(), claim.id()).status());
    }

    /** Creates every record the claim asks for, as the reseller would at its DNS provider. */
    private void publish(CustomDomainView claim) throws Exception {
        for (CustomDomainView.RecordView r : claim.records()) {
            String content = r.type().equals("CNAME") ? r.expected() + "." : PowerDnsServer.txt(r.expected());
            pdns.addRecord(r.name() + ".", r.type(), 60, content);
        }
    }


    private static CustomDomainView.RecordView record(CustomDomainView claim, Kind kind) {
        return claim.records().stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
    }

    private long activities(long tenantId, String action, String target) {
        return em.createQuery("select count(a) from Activity a where a.tenantId = :t and a.action = :a and a.target = :target",
                Long.class).setParameter("t", tenantId).setParameter("a", action).setParameter("target", target).getSingleResult();
    }
}
