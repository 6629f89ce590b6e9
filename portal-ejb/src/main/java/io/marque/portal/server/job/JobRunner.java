package io.marque.portal.server.job;

import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.server.Drivers;
import io.marque.portal.server.driver.DriverException;
import io.marque.portal.server.driver.InfrastructureDriver;
import io.marque.portal.server.driver.PowerState;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs queued jobs on an executor of their own: at once when one is queued (after its transaction
 * commits), and on a timer for any the node missed. Each job calls its server's driver outside any
 * transaction; {@link JobExecution} records the steps. At start, jobs a stopped node left running end
 * as failed ("interrupted"), so none stays half-done for ever.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    /** How long a job's end is tried again while the database does not take it. */
    static final Duration RECORD_PATIENCE = Duration.ofMinutes(10);
    private static final Duration RECORD_RETRY_MAX = Duration.ofSeconds(15);

    @Resource
    TimerService timers;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/marque-jobs")
    ManagedExecutorService executor;

    @Inject
    MarqueConfig config;

    @Inject
    JobExecution execution;

    @Inject
    Drivers drivers;

    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void start() {
        int interrupted = execution.failInterrupted();
        if (interrupted > 0) {
            LOG.log(Level.WARNING, "{0} server jobs were interrupted by a restart and are marked failed", interrupted);
        }
        long interval = config.intValue("MARQUE_JOB_INTERVAL_MS", 2000);
        timers.createIntervalTimer(interval, interval, new TimerConfig("server-jobs", false));
    }

    public void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobQueued queued) {
        submit(queued.jobId());
    }

    @Timeout
    void tick() {
        List<Long> queued = execution.queued();
        queued.forEach(this::submit);
    }

    private void submit(long jobId) {
        if (!running.add(jobId)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    run(jobId);
                } finally {
                    running.remove(jobId);
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(jobId);
            LOG.log(Level.INFO, "Job {0} waits: the executor is full", jobId);
        }
    }

    private void run(long jobId) {
        JobExecution.Work work = execution.claim(jobId).orElse(null);
        if (work == null) {
            return;
        }
        Runnable end;
        try {
            InfrastructureDriver driver = drivers.named(work.driver());
            if (work.action() == JobAction.REINSTALL) {
                driver.reinstall(work.target(), work.templateCode(),
                        (percent, stage) -> execution.progress(jobId, percent, stage));
            } else {
                execution.progress(jobId, 10, "server.stage.sent");
                driver.power(work.target(), work.action().power());
            }
            PowerState after = readBack(driver, work);
            end = () -> execution.done(jobId, after);
        } catch (DriverException e) {
            LOG.log(Level.INFO, "Job {0} failed: {1}", new Object[] {jobId, e.detail()});
            end = () -> execution.failed(jobId, JobExecution.keyOf(e), e.detail());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Job " + jobId + " failed", e);
            String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
            end = () -> execution.failed(jobId, "server.error.failed", detail);
        }
        record(jobId, end);
    }

    /**
     * Records a job's end. The database may be away for a moment just then (a restart, a fail-over): the
     * end is tried again for up to {@link #RECORD_PATIENCE} rather than given up at once, which left the job
     * RUNNING and its server refusing every new job as busy until the portal restarted. Recording is
     * idempotent ({@link JobExecution#done} and {@link JobExecution#failed} leave an ended job alone).
     */
    static void record(long jobId, Runnable end) {
        long deadline = System.nanoTime() + RECORD_PATIENCE.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                end.run();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    LOG.log(Level.SEVERE, "Job " + jobId + " ended but its end could not be recorded; it stays running"
                            + " until the portal restarts", e);
                    return;
                }
                LOG.log(Level.WARNING, "Job {0} ended; recording it failed (attempt {1}), trying again: {2}",
                        new Object[] {jobId, attempt, e.toString()});
                try {
                    Thread.sleep(Math.min(RECORD_RETRY_MAX.toMillis(), 500L << Math.min(attempt - 1, 5)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The power state after the action, as the device tells it; null if it does not answer now. */
    private static PowerState readBack(InfrastructureDriver driver, JobExecution.Work work) {
        try {
            return driver.powerState(work.target());
        } catch (DriverException e) {
            return null;
        }
    }
}
