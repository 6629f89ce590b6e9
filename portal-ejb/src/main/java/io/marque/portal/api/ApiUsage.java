package io.marque.portal.api;

import io.marque.portal.platform.MarqueConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts each key's requests in memory and writes them to the key's row every
 * {@code MARQUE_API_USAGE_FLUSH_MS} (default 5 s): checking a key is then a read, and a busy key's row is
 * not written by every request (the API benchmark measured that write as most of a read's cost). The
 * admins' list adds what is not written yet, so it is exact on this node; a crash loses at most one
 * interval of counts, never a request.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ApiUsage {

    private static final Logger LOG = Logger.getLogger(ApiUsage.class.getName());

    private record Pending(AtomicLong count, AtomicLong lastUsedMillis) {
    }

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Resource
    TimerService timers;

    @jakarta.inject.Inject
    MarqueConfig config;

    @PostConstruct
    void schedule() {
        long interval = config.intValue("MARQUE_API_USAGE_FLUSH_MS", 5000);
        timers.createIntervalTimer(interval, interval, new TimerConfig("api-usage", false));
    }

    /** One request of the key, now. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void record(long keyId) {
        Pending usage = pending.computeIfAbsent(keyId, id -> new Pending(new AtomicLong(), new AtomicLong()));
        usage.count().incrementAndGet();
        usage.lastUsedMillis().accumulateAndGet(System.currentTimeMillis(), Math::max);
    }

    /** Requests of the key counted here and not written yet, and the last one's time (or null). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long unwritten(long keyId) {
        Pending usage = pending.get(keyId);
        return usage == null ? 0 : usage.count().get();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Instant lastUse(long keyId) {
        Pending usage = pending.get(keyId);
        return usage == null || usage.lastUsedMillis().get() == 0 ? null : Instant.ofEpochMilli(usage.lastUsedMillis().get());
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void flush() {
        for (Map.Entry<Long, Pending> entry : pending.entrySet()) {
            long count = entry.getValue().count().getAndSet(0);
            if (count == 0) {
                continue;
            }
            Instant last = Instant.ofEpochMilli(entry.getValue().lastUsedMillis().get());
            try {
                em.createQuery("update ApiKey k set k.requestCount = k.requestCount + :n, k.lastUsedAt = :last where k.id = :id")
                        .setParameter("n", count).setParameter("last", last).setParameter("id", entry.getKey()).executeUpdate();
            } catch (RuntimeException e) {
                entry.getValue().count().addAndGet(count);
                LOG.log(Level.WARNING, "API key usage not written this round", e);
                return;
            }
        }
    }

    @PreDestroy
    void last() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "API key usage not written at shutdown", e);
        }
    }
}
