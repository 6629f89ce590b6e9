package io.marque.portal.billing.dunning;

import io.marque.portal.platform.MarqueConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link Dunning#run} with the provider's today every hour ({@code MARQUE_DUNNING_INTERVAL_MS}; 0
 * turns it off, as the integration tests do to choose their own days). Steps are due by the day and taken
 * once, so running every hour costs a query and catches up within an hour after a restart or a missed
 * round; a second node running it at the same time takes nothing twice (each invoice is locked).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DunningTimer {

    private static final Logger LOG = Logger.getLogger(DunningTimer.class.getName());

    /** The first round waits this long after start, so a start is not slowed by it. */
    private static final long FIRST_ROUND_MS = 120_000;

    @Resource
    TimerService timers;

    @Inject
    MarqueConfig config;

    @Inject
    Dunning dunning;

    @PostConstruct
    void schedule() {
        long interval = config.intValue("MARQUE_DUNNING_INTERVAL_MS", 3_600_000);
        if (interval > 0) {
            timers.createIntervalTimer(Math.min(interval, FIRST_ROUND_MS), interval, new TimerConfig("dunning", false));
        }
    }

    @Timeout
    void tick() {
        try {
            int taken = dunning.run(dunning.today());
            if (taken > 0) {
                LOG.log(Level.INFO, "Dunning took {0} steps on unpaid invoices", taken);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dunning did not run this round", e);
        }
    }
}
