package io.marque.portal.domains;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.domains.acme.IssuedCertificate;
import io.marque.portal.platform.SecretKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The certificates of proven hosts in the database: which are due (never issued, failed and due
 * again, or within the renewal window), and each order's start and outcome, every step in its own
 * short transaction so that the ACME exchange in between holds no lock. Issued keys are stored
 * encrypted.
 */
@Stateless
public class Certificates {

    /** An order left ISSUING longer than this (a node died during it) may be taken again. */
    static final Duration STALE_ORDER = Duration.ofMinutes(10);
    static final Duration FIRST_RETRY = Duration.ofMinutes(5);
    static final Duration LONGEST_RETRY = Duration.ofHours(12);

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    DomainSettings settings;

    @Inject
    SecretKeys secrets;

    @Inject
    AuditRecorder audit;

    /** A proven host will need a certificate: one row per host, waiting until its portal record is found. */
    public void expect(CustomDomain domain, Instant now) {
        if (em.createNamedQuery("DomainCertificate.ofDomain", DomainCertificate.class).setParameter("domain", domain.getId())
                .getResultList().isEmpty()) {
            em.persist(new DomainCertificate(domain.getId(), now));
        }
    }

    /** Certificates to order now: their host is routed and points at the portal, and none is valid long enough. */
    public List<Long> due(Instant now) {
        List<Long> due = new ArrayList<>();
        Instant renewBefore = now.plus(settings.renewBefore());
        for (DomainCertificate c : em.createNamedQuery("DomainCertificate.all", DomainCertificate.class).getResultList()) {
            CustomDomain domain = em.find(CustomDomain.class, c.getCustomDomainId());
            boolean pointsHere = domain != null && domain.isRouted() && domain.record(DomainRecord.Kind.PORTAL)
                    .map(r -> r.getState() == DomainRecord.State.FOUND).orElse(false);
            if (pointsHere && isDue(c, now, renewBefore)) {
                due.add(c.getId());
            }
        }
        return due;
    }

    static boolean isDue(DomainCertificate c, Instant now, Instant renewBefore) {
        if (c.getNextAttemptAt().isAfter(now)) {
            return false;
        }
        return switch (c.getStatus()) {
            case WAITING, FAILED -> true;
            case ISSUING -> true; // only when stale: begin() decides
            case ISSUED -> c.getNotAfter() == null || !c.getNotAfter().isAfter(renewBefore);
        };
    }

    /**
     * Takes a due certificate for ordering: marks it ISSUING, so another node does not order it too.
     *
     * @return the host to order for; empty when it is not due any more or another node has it
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<String> begin(long certificateId, Instant now) {
        DomainCertificate c = em.find(DomainCertificate.class, certificateId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || (c.getStatus() == DomainCertificate.Status.ISSUING && c.getNextAttemptAt().isAfter(now))) {
            return Optional.empty();
        }
        CustomDomain domain = em.find(CustomDomain.class, c.getCustomDomainId());
        if (domain == null || !domain.isRouted() || !isDue(c, now, now.plus(settings.renewBefore()))) {
            return Optional.empty();
        }
        if (c.getStatus() != DomainCertificate.Status.ISSUED) {
            c.setStatus(DomainCertificate.Status.ISSUING);
        }
        c.setNextAttemptAt(now.plus(STALE_ORDER));
        return Optional.of(domain.getHost());
    }

    /** Stores an issued certificate (key encrypted) and audits it in the reseller's log. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void issued(long certificateId, IssuedCertificate issued, Instant now) {
        DomainCertificate c = em.find(DomainCertificate.class, certificateId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            return; // the domain was removed meanwhile
        }
        boolean renewal = c.getSerial() != null;
        c.issued(issued.chainPem(), secrets.box().encrypt(issued.privateKeyPem()), issued.serialHex(),
                issued.notBefore(), issued.notAfter(), now);
        c.setNextAttemptAt(now);
        CustomDomain domain = em.find(CustomDomain.class, c.getCustomDomainId());
        audit.recordAnonymous(domain.getTenantId(), DomainChecks.SYSTEM, renewal ? "certificate.renewed" : "certificate.issued",
                domain.getHost(), "serial " + issued.serialHex() + ", valid until " + issued.notAfter(), null);
    }

    /** Records a failed order with the CA's reason; tried again after a growing pause. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long certificateId, String reason, Instant now) {
        DomainCertificate c = em.find(DomainCertificate.class, certificateId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            return;
        }
        c.failed(reason, now.plus(retryDelay(c.getAttempts())));
        CustomDomain domain = em.find(CustomDomain.class, c.getCustomDomainId());
        audit.recordAnonymous(domain.getTenantId(), DomainChecks.SYSTEM, "certificate.failed", domain.getHost(), reason, null);
    }

    /** Every issued certificate with its key decrypted: the file drop is written again from these. */
    public List<Stored> stored() {
        List<Stored> all = new ArrayList<>();
        for (DomainCertificate c : em.createNamedQuery("DomainCertificate.all", DomainCertificate.class).getResultList()) {
            CustomDomain domain = em.find(CustomDomain.class, c.getCustomDomainId());
            if (c.getChainPem() != null && domain != null && domain.isRouted()) {
                all.add(new Stored(domain.getHost(), new IssuedCertificate(c.getChainPem(),
                        secrets.box().decrypt(c.getKeyPem()), c.getNotBefore(), c.getNotAfter(), c.getSerial())));
            }
        }
        return all;
    }

    /** A host and its certificate. */
    public record Stored(String host, IssuedCertificate certificate) {
    }

    static Duration retryDelay(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts, 10));
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }
}
