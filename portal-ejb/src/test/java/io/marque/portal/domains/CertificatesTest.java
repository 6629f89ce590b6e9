package io.marque.portal.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CertificatesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant RENEW_BEFORE = NOW.plus(Duration.ofDays(30));

    @Test
    void aWaitingOrFailedCertificateIsDueOnceItsPauseIsOver() {
        DomainCertificate c = new DomainCertificate(1, NOW);
        assertTrue(Certificates.isDue(c, NOW, RENEW_BEFORE));
        c.failed("refused", NOW.plus(Duration.ofMinutes(5)));
        assertEquals(DomainCertificate.Status.FAILED, c.getStatus());
        assertFalse(Certificates.isDue(c, NOW, RENEW_BEFORE));
        assertTrue(Certificates.isDue(c, NOW.plus(Duration.ofMinutes(5)), RENEW_BEFORE));
    }

    @Test
    void anIssuedCertificateIsDueWithinTheRenewalWindow() {
        DomainCertificate c = new DomainCertificate(1, NOW);
        c.issued("chain", "key", "0a", NOW, NOW.plus(Duration.ofDays(90)), NOW);
        assertFalse(Certificates.isDue(c, NOW, RENEW_BEFORE));
        Instant later = NOW.plus(Duration.ofDays(61));
        assertTrue(Certificates.isDue(c, later, later.plus(Duration.ofDays(30))));
    }

    @Test
    void aFailedRenewalKeepsServingTheValidCertificate() {
        DomainCertificate c = new DomainCertificate(1, NOW);
        c.issued("chain", "key", "0a", NOW, NOW.plus(Duration.ofDays(20)), NOW);
        c.failed("rate limited", NOW.plus(Duration.ofMinutes(5)));
        assertEquals(DomainCertificate.Status.ISSUED, c.getStatus());
        assertEquals("rate limited", c.getLastError());
    }

    @Test
    void retriesPauseLongerEachTimeUpToTwelveHours() {
        assertEquals(Duration.ofMinutes(5), Certificates.retryDelay(0));
        assertEquals(Duration.ofMinutes(10), Certificates.retryDelay(1));
        assertEquals(Duration.ofHours(12), Certificates.retryDelay(30));
    }
}
