package io.marque.portal.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.domains.CustomDomainView.CertificateView;
import io.marque.portal.domains.CustomDomainView.RecordView;
import io.marque.portal.domains.DomainRecord.Kind;
import io.marque.portal.domains.DomainRecord.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainStandingTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static RecordView record(Kind kind, State state) {
        return new RecordView(kind, "n", "TXT", "v", state, null, NOW);
    }

    private static List<RecordView> all(State mail) {
        return List.of(record(Kind.PORTAL, State.FOUND), record(Kind.OWNERSHIP, State.FOUND), record(Kind.SPF, mail),
                record(Kind.DKIM, mail), record(Kind.DMARC, mail));
    }

    @Test
    void aPendingClaimHasNoWarningsYet() {
        assertEquals(List.of(), DomainStanding.warnings(CustomDomain.Status.PENDING, all(State.PENDING), null,
                "acme.test", "help@acme.test", NOW));
    }

    @Test
    void anActiveDomainWarnsForEachMailRecordNotFound() {
        List<String> warnings = DomainStanding.warnings(CustomDomain.Status.ACTIVE, all(State.WRONG), null,
                "acme.test", "help@support.acme.test", NOW);
        assertEquals(List.of("domains.warn.spf", "domains.warn.dkim", "domains.warn.dmarc"), warnings);
        assertTrue(DomainStanding.attention(CustomDomain.Status.ACTIVE, null, warnings));
    }

    @Test
    void aSupportAddressElsewhereIsWorthAWarningButNotTheProvidersAttention() {
        List<String> warnings = DomainStanding.warnings(CustomDomain.Status.ACTIVE, all(State.FOUND), null,
                "acme.test", "acme@mailer.example", NOW);
        assertEquals(List.of("domains.warn.supportAddress"), warnings);
        assertFalse(DomainStanding.attention(CustomDomain.Status.ACTIVE, null, warnings));
    }

    @Test
    void certificatesFailingOrEndingSoonNeedAttention() {
        CertificateView failed = new CertificateView(DomainCertificate.Status.FAILED, null, null, null, "refused", NOW);
        CertificateView ending = new CertificateView(DomainCertificate.Status.ISSUED, NOW.plus(Duration.ofDays(13)), "01",
                NOW, null, NOW);
        CertificateView fine = new CertificateView(DomainCertificate.Status.ISSUED, NOW.plus(Duration.ofDays(15)), "01",
                NOW, null, NOW);
        assertEquals(List.of("domains.warn.certificate"), DomainStanding.warnings(CustomDomain.Status.ACTIVE,
                all(State.FOUND), failed, "acme.test", "a@acme.test", NOW));
        assertEquals(List.of("domains.warn.expiring"), DomainStanding.warnings(CustomDomain.Status.ACTIVE,
                all(State.FOUND), ending, "acme.test", "a@acme.test", NOW));
        assertEquals(List.of(), DomainStanding.warnings(CustomDomain.Status.ACTIVE, all(State.FOUND), fine,
                "acme.test", "a@acme.test", NOW));
    }

    @Test
    void aLostRecordOrAHostInUseNeedsAttention() {
        assertTrue(DomainStanding.attention(CustomDomain.Status.ATTENTION, null, List.of()));
        assertTrue(DomainStanding.attention(CustomDomain.Status.PENDING, "domains.problem.taken", List.of()));
        assertFalse(DomainStanding.attention(CustomDomain.Status.PENDING, null, List.of()));
    }
}
