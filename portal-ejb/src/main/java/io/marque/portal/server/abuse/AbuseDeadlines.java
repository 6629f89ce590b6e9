package io.marque.portal.server.abuse;

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
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Enforces abuse deadlines every minute ({@code MARQUE_ABUSE_INTERVAL_MS}). */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AbuseDeadlines {

    private static final Logger LOG = Logger.getLogger(AbuseDeadlines.class.getName());

    @Resource
    TimerService timers;

    @Inject
    MarqueConfig config;

    @Inject
    AbuseDesk desk;

    @PostConstruct
    void schedule() {
        long interval = config.intValue("MARQUE_ABUSE_INTERVAL_MS", 60_000);
        timers.createIntervalTimer(interval, interval, new TimerConfig("abuse-deadlines", false));
    }

    @Timeout
    void tick() {
        try {
            int suspended = desk.enforce(Instant.now());
            if (suspended > 0) {
                LOG.log(Level.INFO, "Suspended {0} servers for abuse reports past their deadline", suspended);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Abuse deadlines not enforced this round", e);
        }
    }
}
