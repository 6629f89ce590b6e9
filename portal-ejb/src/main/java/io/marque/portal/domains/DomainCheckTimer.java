package io.marque.portal.domains;

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
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks for due domain checks every minute ({@code MARQUE_DOMAIN_CHECK_INTERVAL_MS}; 0 turns it off, as
 * the integration tests do to check when they choose). The back-off lives in each claim's next check
 * time ({@link CheckSchedule}), so a round costs one query when nothing is due.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DomainCheckTimer {

    private static final Logger LOG = Logger.getLogger(DomainCheckTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    DomainSettings settings;

    @Inject
    DomainChecks checks;

    @PostConstruct
    void schedule() {
        long interval = settings.checkIntervalMs();
        if (interval > 0) {
            timers.createIntervalTimer(interval, interval, new TimerConfig("domain checks", false));
        }
    }

    @Timeout
    void tick() {
        try {
            checks.checkDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Domain checks did not run this round", e);
        }
    }
}
