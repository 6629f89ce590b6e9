package io.marque.portal.domains;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.tenant.Domain;
import io.marque.portal.tenant.TenantChanged;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks claimed domains against DNS and moves them on: a pending claim whose ownership record is found
 * gets its routing row and becomes active (unless another tenant proved the host first); an active one
 * whose records found before are gone turns to attention, and back when they return. A DNS server that
 * does not answer changes nothing. Every change of status is audited in the reseller's log.
 */
@Stateless
public class DomainChecks {

    private static final Logger LOG = Logger.getLogger(DomainChecks.class.getName());
    static final String SYSTEM = "domain check";

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    DomainSettings settings;

    @Inject
    AuditRecorder audit;

    @Inject
    Event<TenantChanged> changed;

    @Inject
    Certificates certificates;

    @Resource
    SessionContext context;

    /** The claims whose next check is due. */
    public List<Long> due(Instant now) {
        return em.createNamedQuery("CustomDomain.due", Long.class).setParameter("now", now).setMaxResults(500)
                .getResultList();
    }

    /** Checks one claim in its own transaction (the scheduled job's unit: one failure stops no other). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void checkById(long id, Instant now) {
        CustomDomain domain = em.find(CustomDomain.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (domain != null && !domain.getNextCheckAt().isAfter(now)) {
            check(domain, now);
        }
    }

    /** Checks every due claim, each in its own transaction; returns how many were checked. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int checkDue(Instant now) {
        DomainChecks self = context.getBusinessObject(DomainChecks.class);
        int checked = 0;
        for (long id : due(now)) {
            try {
                self.checkById(id, now);
                checked++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Checking domain " + id + " failed", e);
            }
        }
        return checked;
    }

    /** Checks one claim in the caller's transaction. */
    public void check(CustomDomain domain, Instant now) {
        DnsLookup dns = settings.lookup();
        DnsNames names = settings.names();
        boolean answered = true;
        for (DomainRecord record : domain.getRecords()) {
            ExpectedRecord expected = new ExpectedRecord(record.getKind(), record.getName(), record.getType(),
                    record.getExpected());
            try {
                record.checked(RecordCheck.check(expected, dns, names), now);
            } catch (DnsLookup.Unavailable e) {
                // a resolver that does not answer one question will not answer the next: stop waiting
                answered = false;
                LOG.log(Level.FINE, e.getMessage());
                break;
            }
        }
        domain.setCheckedAt(now);
        if (answered) {
            move(domain, now);
        }
        domain.setNextCheckAt(CheckSchedule.next(domain.getStatus(), domain.getIdleChecks(), now));
    }

    private void move(CustomDomain domain, Instant now) {
        boolean proven = domain.record(DomainRecord.Kind.OWNERSHIP).map(r -> r.getState() == DomainRecord.State.FOUND)
                .orElse(false);
        switch (domain.getStatus()) {
            case PENDING -> {
                if (proven) {
                    route(domain, now);
                } else {
                    domain.setIdleChecks(domain.getIdleChecks() + 1);
                }
            }
            case ACTIVE, ATTENTION -> {
                boolean lost = domain.getRecords().stream().anyMatch(DomainRecord::isLost);
                CustomDomain.Status next = lost ? CustomDomain.Status.ATTENTION : CustomDomain.Status.ACTIVE;
                if (next != domain.getStatus()) {
                    domain.setStatus(next);
                    audit.recordAnonymous(domain.getTenantId(), SYSTEM, lost ? "domain.attention" : "domain.restored",
                            domain.getHost(), lostRecords(domain), null);
                }
            }
        }
        if (domain.isRouted()) {
            certificates.expect(domain, now);
        }
    }

    /** Ownership proven: the host leads to the reseller, unless someone proved it first. */
    private void route(CustomDomain domain, Instant now) {
        if (!em.createNamedQuery("Domain.byHost", Domain.class).setParameter("host", domain.getHost()).getResultList().isEmpty()) {
            if (domain.getProblem() == null) {
                audit.recordAnonymous(domain.getTenantId(), SYSTEM, "domain.refused", domain.getHost(), "in use", null);
            }
            domain.setProblem("domains.problem.taken");
            domain.setIdleChecks(domain.getIdleChecks() + 1);
            return;
        }
        Domain routing = new Domain(domain.getTenantId(), domain.getHost(), false, now);
        em.persist(routing);
        em.flush();
        domain.setDomainId(routing.getId());
        domain.setStatus(CustomDomain.Status.ACTIVE);
        domain.setProblem(null);
        domain.setVerifiedAt(now);
        domain.setIdleChecks(0);
        audit.recordAnonymous(domain.getTenantId(), SYSTEM, "domain.verified", domain.getHost(), null, null);
        changed.fire(new TenantChanged(domain.getTenantId()));
    }

    private static String lostRecords(CustomDomain domain) {
        return String.join(", ", domain.getRecords().stream().filter(DomainRecord::isLost)
                .map(r -> r.getType() + " " + r.getName()).toList());
    }
}
