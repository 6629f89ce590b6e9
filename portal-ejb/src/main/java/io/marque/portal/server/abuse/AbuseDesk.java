package io.marque.portal.server.abuse;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Fields;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.server.Server;
import io.marque.portal.server.ServerInventory;
import io.marque.portal.server.ServerStatus;
import io.marque.portal.server.SuspensionCause;
import io.marque.portal.tenant.Tenant;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Abuse reports from the provider to a reseller: filed against a server with evidence and a deadline
 * (the reseller's contacts are told), answered and resolved by the reseller, enforced at the deadline
 * by suspending the server, and possibly ended by terminating it. {@link #enforce(Instant)} takes the
 * time as an argument, so the timeline can be tested without waiting.
 */
@Stateless
public class AbuseDesk {

    /** The shortest and longest deadline the provider may give, in hours. */
    public static final int MIN_HOURS = 1;
    public static final int MAX_HOURS = 24 * 30;

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    AbuseNotifier notifier;

    @Inject
    ServerInventory inventory;

    @Inject
    AuditRecorder audit;

    /** Files a report against a reseller's server and tells the reseller. */
    public long report(Actor actor, long serverId, String evidence, int deadlineHours, Instant now) {
        actor.require(Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
        Server server = em.find(Server.class, serverId);
        if (server == null) {
            throw new NotFoundException("Server");
        }
        if (server.getTenantId() == null || server.getStatus() == ServerStatus.TERMINATED) {
            throw new InvalidInputException("server", "abuse.error.notAssigned");
        }
        String text = Fields.optionalMultiline("evidence", evidence, 20000);
        if (text == null) {
            throw new InvalidInputException("evidence", "error.required");
        }
        if (deadlineHours < MIN_HOURS || deadlineHours > MAX_HOURS) {
            throw new InvalidInputException("deadline", "abuse.error.deadline");
        }
        AbuseReport report = new AbuseReport(server.getTenantId(), serverId, text,
                now.plus(Duration.ofHours(deadlineHours)), now);
        em.persist(report);
        em.flush();
        audit.recordOn(server.getTenantId(), actor, "abuse.reported", server.getHostname(), "report " + report.getId());
        notifier.reported(report, server);
        return report.getId();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AbuseView> list(Actor actor) {
        List<AbuseReport> reports = provider(actor)
                ? em.createNamedQuery("AbuseReport.all", AbuseReport.class).setMaxResults(500).getResultList()
                : em.createNamedQuery("AbuseReport.ofTenant", AbuseReport.class).setParameter("tenant", reseller(actor))
                        .setMaxResults(500).getResultList();
        return reports.stream().map(this::view).toList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AbuseView get(Actor actor, long reportId) {
        return view(reach(actor, reportId, false));
    }

    /** The reseller's answer; the report stays open until resolved. */
    public void respond(Actor actor, long reportId, String response) {
        AbuseReport report = ownOpen(actor, reportId);
        report.respond(required("response", response), Instant.now());
        audit.record(actor, "abuse.responded", hostname(report), "report " + reportId);
        notifier.answered(report, hostname(report), false);
    }

    /**
     * The reseller says it dealt with it. A server already suspended for the report stays suspended
     * until the provider lifts it.
     */
    public void resolve(Actor actor, long reportId, String response) {
        AbuseReport report = ownOpen(actor, reportId);
        report.respond(required("response", response), Instant.now());
        report.close(AbuseState.RESOLVED, Instant.now());
        audit.record(actor, "abuse.resolved", hostname(report), "report " + reportId);
        notifier.answered(report, hostname(report), true);
    }

    public void withdraw(Actor actor, long reportId) {
        actor.require(Role.PROVIDER_ADMIN);
        AbuseReport report = reach(actor, reportId, true);
        if (!report.getState().isOpen()) {
            throw new InvalidInputException("", "abuse.error.closed");
        }
        report.close(AbuseState.WITHDRAWN, Instant.now());
        audit.recordOn(report.getTenantId(), actor, "abuse.withdrawn", hostname(report), "report " + reportId);
    }

    /** Ends the server's service for the report. */
    public void terminate(Actor actor, long reportId) {
        actor.require(Role.PROVIDER_ADMIN);
        AbuseReport report = reach(actor, reportId, true);
        if (report.getState() == AbuseState.TERMINATED || report.getState() == AbuseState.WITHDRAWN) {
            throw new InvalidInputException("", "abuse.error.closed");
        }
        inventory.terminate(actor, report.getServerId(), "abuse report " + reportId);
        report.close(AbuseState.TERMINATED, Instant.now());
    }

    /**
     * Suspends the servers of open reports whose deadline is before {@code now}, and tells their
     * resellers. Run by {@link AbuseDeadlines}; answers how many it suspended.
     */
    public int enforce(Instant now) {
        List<Long> overdue = em.createNamedQuery("AbuseReport.overdue", Long.class).setParameter("now", now)
                .getResultList();
        int suspended = 0;
        for (long id : overdue) {
            AbuseReport report = em.find(AbuseReport.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (report.getState() != AbuseState.OPEN || !report.getDeadline().isBefore(now)) {
                continue;
            }
            report.suspendServer();
            Server server = em.find(Server.class, report.getServerId(), LockModeType.PESSIMISTIC_WRITE);
            if (server.getStatus() == ServerStatus.ACTIVE && Long.valueOf(report.getTenantId()).equals(server.getTenantId())) {
                server.suspend(SuspensionCause.PROVIDER);
                suspended++;
            }
            audit.recordAnonymous(report.getTenantId(), "system", "abuse.suspended", server.getHostname(),
                    "report " + id, null);
            notifier.suspended(report, server);
        }
        return suspended;
    }

    private AbuseView view(AbuseReport r) {
        Tenant reseller = em.find(Tenant.class, r.getTenantId());
        return new AbuseView(r.getId(), r.getTenantId(), reseller.getName(), r.getServerId(), hostname(r),
                r.getEvidence(), r.getDeadline(), r.getState(), r.getResellerResponse(), r.getCreatedAt(),
                r.getRespondedAt(), r.getClosedAt());
    }

    private AbuseReport ownOpen(Actor actor, long reportId) {
        actor.require(Role.RESELLER_ADMIN, Role.RESELLER_AGENT);
        AbuseReport report = reach(actor, reportId, true);
        if (!report.getState().isOpen()) {
            throw new InvalidInputException("", "abuse.error.closed");
        }
        return report;
    }

    private AbuseReport reach(Actor actor, long reportId, boolean forUpdate) {
        AbuseReport report = em.find(AbuseReport.class, reportId);
        if (report == null || (!provider(actor) && report.getTenantId() != reseller(actor))) {
            throw new NotFoundException("Abuse report");
        }
        if (forUpdate) {
            em.refresh(report, LockModeType.PESSIMISTIC_WRITE);
        }
        return report;
    }

    private static boolean provider(Actor actor) {
        return actor.hasAny(Role.PROVIDER_STAFF);
    }

    private static long reseller(Actor actor) {
        actor.require(Role.RESELLER_ADMIN, Role.RESELLER_AGENT);
        return actor.tenantId();
    }

    private String hostname(AbuseReport report) {
        Server server = em.find(Server.class, report.getServerId());
        return server == null ? "" : server.getHostname();
    }

    private static String required(String field, String text) {
        String clean = Fields.optionalMultiline(field, text, 4000);
        if (clean == null) {
            throw new InvalidInputException(field, "error.required");
        }
        return clean;
    }
}
