package io.marque.portal.api.webhook;

import io.marque.portal.platform.MarqueConfig;
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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due webhook deliveries on a timer ({@code MARQUE_WEBHOOK_INTERVAL_MS}, default 2 s, 0 = off):
 * claims a batch ({@link WebhookOutbox#claim}), makes the attempts side by side on the server's managed
 * executor (one slow receiver costs its own ten seconds, not everyone's), records each outcome. Once an
 * hour, finished deliveries older than 30 days are deleted.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDispatcher {

    static final int BATCH = 50;
    /** Batches one tick sends at most, so a backlog is worked off over several ticks and never starves the timer. */
    static final int BATCHES_PER_TICK = 10;
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    @Inject
    MarqueConfig config;

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookSender sender;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant pruned = Instant.EPOCH;

    @PostConstruct
    void schedule() {
        long interval = config.webhookIntervalMillis();
        if (interval > 0) {
            timers.createIntervalTimer(interval, interval, new TimerConfig("webhooks", false));
        }
    }

    @Timeout
    void tick() {
        drain();
    }

    /** Sends what is due now (unless a drain is already running); answers how many attempts were made. */
    public int drain() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            prune();
            int tried = 0;
            for (int batch = 0; batch < BATCHES_PER_TICK; batch++) {
                List<WebhookOutbox.Attempt> attempts = outbox.claim(BATCH);
                List<Future<?>> sending = new ArrayList<>();
                for (WebhookOutbox.Attempt attempt : attempts) {
                    try {
                        sending.add(executor.submit(() -> attempt(attempt)));
                    } catch (RejectedExecutionException e) {
                        attempt(attempt);
                    }
                }
                for (Future<?> future : sending) {
                    await(future);
                }
                tried += attempts.size();
                if (attempts.size() < BATCH) {
                    break;
                }
            }
            return tried;
        } finally {
            running.set(false);
        }
    }

    private void attempt(WebhookOutbox.Attempt attempt) {
        try {
            outbox.record(attempt.deliveryId(), attempt.attempt(), sender.send(attempt));
        } catch (RuntimeException e) {
            // the lease runs out and the delivery is tried again
            LOG.log(Level.WARNING, "Webhook delivery " + attempt.deliveryId() + " could not be processed", e);
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "A webhook attempt failed", e.getCause());
        }
    }

    private void prune() {
        Instant now = Instant.now();
        if (now.isBefore(pruned.plus(PRUNE_EVERY))) {
            return;
        }
        pruned = now;
        try {
            int deleted = outbox.prune();
            if (deleted > 0) {
                LOG.log(Level.INFO, "Deleted {0} webhook deliveries older than 30 days", deleted);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Old webhook deliveries could not be deleted", e);
        }
    }
}
