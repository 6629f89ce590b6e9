package io.marque.portal.server.job;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.server.Drivers;
import io.marque.portal.server.OsTemplate;
import io.marque.portal.server.Server;
import io.marque.portal.server.driver.BmcTarget;
import io.marque.portal.server.driver.DriverException;
import io.marque.portal.server.driver.PowerState;
import io.marque.portal.tenant.Tenant;
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
import java.util.Optional;

/**
 * The steps of running a job, each in its own short transaction so that nothing is held open while a
 * device is slow: claim it, record progress, record the end (and free the server for the next job).
 * The device is called between them, by {@link JobRunner}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobExecution {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Drivers drivers;

    @Inject
    JobNotifier notifier;

    @Inject
    AuditRecorder audit;

    @Inject
    Event<JobFinished> jobFinished;

    /** What the runner needs to call the device, taken when the job is claimed. */
    public record Work(long jobId, JobAction action, String templateCode, String driver, BmcTarget target) {
    }

    /** Marks a queued job running and answers its work; empty if it is no longer queued. */
    public Optional<Work> claim(long jobId) {
        ServerJob job = em.find(ServerJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.getState() != JobState.QUEUED) {
            return Optional.empty();
        }
        Server server = em.find(Server.class, job.getServerId());
        job.start(Instant.now());
        return Optional.of(new Work(jobId, job.getAction(), job.getTemplateCode(), server.getDriver(),
                drivers.target(server)));
    }

    public void progress(long jobId, int percent, String stage) {
        ServerJob job = em.find(ServerJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job != null && job.getState() == JobState.RUNNING) {
            job.progress(percent, stage);
        }
    }

    /** The job succeeded; {@code power} is the state read back from the device afterwards, if it answered. */
    public void done(long jobId, PowerState power) {
        ServerJob job = em.find(ServerJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (ended(job)) {
            return;
        }
        Server server = em.find(Server.class, job.getServerId(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        job.done(now);
        if (power != null) {
            server.powerRead(power.name(), now);
        }
        if (job.getAction() == JobAction.REINSTALL) {
            em.createNamedQuery("OsTemplate.byCode", OsTemplate.class).setParameter("code", job.getTemplateCode())
                    .getResultStream().findFirst().ifPresent(t -> server.setOs(t.getName()));
        }
        release(server, job);
        record(server, job, "server.job.done", null);
        notifier.finished(server, job);
        announce(server, job);
    }

    /** The job failed: {@code key} is the message key everyone sees, {@code detail} the cause for the provider. */
    public void failed(long jobId, String key, String detail) {
        ServerJob job = em.find(ServerJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (ended(job)) {
            return;
        }
        Server server = em.find(Server.class, job.getServerId(), LockModeType.PESSIMISTIC_WRITE);
        job.fail(key, detail, Instant.now());
        release(server, job);
        record(server, job, "server.job.failed", key);
        notifier.finished(server, job);
        announce(server, job);
    }

    /**
     * An end already recorded: the runner records an end again when it could not tell whether its first
     * try committed (the database went away meanwhile), and the job must not end, be audited or be
     * announced twice.
     */
    private static boolean ended(ServerJob job) {
        return job.getState() == JobState.DONE || job.getState() == JobState.FAILED;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> queued() {
        return em.createNamedQuery("ServerJob.inState", Long.class).setParameter("state", JobState.QUEUED)
                .setMaxResults(500).getResultList();
    }

    /**
     * Jobs left running by a node that stopped: the device may or may not have acted, so they end as
     * failed with a reason that says so, and their servers take new jobs again.
     */
    public int failInterrupted() {
        List<Long> running = em.createNamedQuery("ServerJob.inState", Long.class)
                .setParameter("state", JobState.RUNNING).getResultList();
        for (long id : running) {
            failed(id, "server.error.interrupted", "The portal restarted while this job ran.");
        }
        return running.size();
    }

    /** The message key for a driver's failure. */
    public static String keyOf(DriverException e) {
        return switch (e.reason()) {
            case UNREACHABLE -> "server.error.unreachable";
            case AUTHENTICATION -> "server.error.authentication";
            case UNSUPPORTED -> "server.error.unsupported";
            case FAILED -> "server.error.failed";
        };
    }

    /** Tells observers (webhooks) of the job's end, in this transaction; the failure's key only, never its detail. */
    private void announce(Server server, ServerJob job) {
        jobFinished.fire(new JobFinished(job.getId(), server.getId(), server.getTenantId(), job.getAction(), job.getState(),
                job.getFailureKey()));
    }

    private void release(Server server, ServerJob job) {
        if (job.getId().equals(server.getActiveJobId())) {
            server.setActiveJobId(null);
        }
    }

    private void record(Server server, ServerJob job, String action, String detail) {
        long tenant = job.getTenantId() != null ? job.getTenantId()
                : em.createNamedQuery("Tenant.provider", Tenant.class).getSingleResult().getId();
        String what = job.getAction().name() + (job.getTemplateCode() == null ? "" : " " + job.getTemplateCode());
        audit.recordAnonymous(tenant, "system", action, server.getHostname(),
                detail == null ? what : what + ": " + detail, null);
    }
}
