package io.marque.portal.mail;

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
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the outbox on a timer ({@code MARQUE_OUTBOX_INTERVAL_MS}, default 5 s). Each mail is sent
 * in its own transaction by {@link OutboxWorker}, so one bad mail never holds up the others.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

    @Resource
    TimerService timers;

    @Inject
    MarqueConfig config;

    @Inject
    OutboxWorker worker;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long interval = config.outboxIntervalMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("outbox", false));
    }

    @Timeout
    void tick() {
        drain();
    }

    /** Sends everything due now; returns how many mails were tried. */
    public int drain() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int tried = 0;
            for (Long id : worker.due(100)) {
                try {
                    worker.deliver(id);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Outbox mail " + id + " could not be processed", e);
                }
                tried++;
            }
            return tried;
        } finally {
            running.set(false);
        }
    }
}
