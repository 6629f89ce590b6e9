package io.marque.portal.server.traffic;

import io.marque.portal.identity.Actor;
import io.marque.portal.server.Server;
import io.marque.portal.server.ServerAccess;
import io.marque.portal.server.driver.TrafficCounters;
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
import java.util.Optional;

/**
 * A server's traffic: stored samples, read per range for the graph, and taken from its
 * {@link TrafficSource} (its driver, or the switch port it is cabled to).
 */
@Stateless
public class Traffic {

    /** How long samples are kept: the month graph and a little more. */
    public static final Duration RETENTION = Duration.ofDays(35);

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    ServerAccess access;

    @Inject
    TrafficSource source;

    /** The server's traffic over the range ending now, for anyone who may reach the server. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TrafficSeries series(Actor actor, long serverId, TrafficRange range) {
        Server server = access.reach(actor, serverId, false);
        Instant now = Instant.now();
        // plain values, not entities: a month is 8,640 rows, and managing each as an entity costs more
        // than summing them
        List<TrafficSample> samples = em.createNamedQuery("TrafficReading.since", TrafficSample.class)
                .setParameter("server", server.getId()).setParameter("since", now.minus(range.length()))
                .getResultList();
        return TrafficSeries.of(samples, range, now);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> sampledServers() {
        return em.createNamedQuery("Server.withTraffic", Server.class).getResultStream().map(Server::getId).toList();
    }

    /**
     * Reads the server's counters and stores what went through since the last reading. A counter
     * that went down (the device restarted) starts counting again without a sample.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean sample(long serverId, Instant now) {
        Server server = em.find(Server.class, serverId, LockModeType.PESSIMISTIC_WRITE);
        Optional<TrafficCounters> read = source.read(server);
        if (read.isEmpty()) {
            return false;
        }
        TrafficCounters counters = read.get();
        Long rx = server.getTrafficRxCounter();
        Long tx = server.getTrafficTxCounter();
        server.trafficCounters(counters.receivedBytes(), counters.transmittedBytes());
        if (rx == null || tx == null || counters.receivedBytes() < rx || counters.transmittedBytes() < tx) {
            return false;
        }
        em.persist(new TrafficReading(serverId, now, counters.receivedBytes() - rx, counters.transmittedBytes() - tx));
        return true;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void purge(Instant now) {
        em.createNamedQuery("TrafficReading.purge").setParameter("before", now.minus(RETENTION)).executeUpdate();
    }
}
