package io.marque.portal.server.traffic;

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
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Samples the interface counters of every assigned server, and of every server with a named switch
 * port, every five minutes ({@code MARQUE_TRAFFIC_INTERVAL_MS}; 0 turns it off) through its
 * {@link TrafficSource} and keeps the difference; samples older than {@link Traffic#RETENTION} are
 * dropped.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrafficSampler {

    private static final Logger LOG = Logger.getLogger(TrafficSampler.class.getName());

    @Resource
    TimerService timers;

    @Inject
    MarqueConfig config;

    @Inject
    Traffic traffic;

    private final ReentrantLock round = new ReentrantLock();

    @PostConstruct
    void schedule() {
        long interval = config.intValue("MARQUE_TRAFFIC_INTERVAL_MS", 300_000);
        if (interval > 0) {
            timers.createIntervalTimer(interval, interval, new TimerConfig("traffic", false));
        }
    }

    @Timeout
    void tick() {
        sampleNow();
    }

    /** One round now: answers how many samples it stored. */
    public int sampleNow() {
        if (!round.tryLock()) {
            return 0;
        }
        try {
            Instant now = Instant.now();
            int stored = 0;
            List<Long> servers = traffic.sampledServers();
            for (long server : servers) {
                try {
                    stored += traffic.sample(server, now) ? 1 : 0;
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "No traffic sample for server " + server, e);
                }
            }
            traffic.purge(now);
            return stored;
        } finally {
            round.unlock();
        }
    }
}
