package io.marque.portal.server.traffic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One stored traffic sample: bytes through a server's interface in the interval ending at {@code sampledAt}. */
@Entity
@Table(name = "traffic_sample")
@IdClass(TrafficReading.Key.class)
@NamedQuery(name = "TrafficReading.since", query = "select new io.marque.portal.server.traffic.TrafficSample(t.sampledAt, t.rxBytes, t.txBytes) from TrafficReading t where t.serverId = :server and t.sampledAt > :since order by t.sampledAt")
@NamedQuery(name = "TrafficReading.purge", query = "delete from TrafficReading t where t.sampledAt < :before")
public class TrafficReading {

    @Id
    @Column(name = "server_id")
    private long serverId;

    @Id
    @Column(name = "sampled_at")
    private Instant sampledAt;

    @Column(name = "rx_bytes", nullable = false)
    private long rxBytes;

    @Column(name = "tx_bytes", nullable = false)
    private long txBytes;

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long serverId;
        public Instant sampledAt;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.serverId == serverId && k.sampledAt.equals(sampledAt);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(serverId) * 31 + sampledAt.hashCode();
        }
    }

    protected TrafficReading() {
    }

    public TrafficReading(long serverId, Instant sampledAt, long rxBytes, long txBytes) {
        this.serverId = serverId;
        this.sampledAt = sampledAt;
        this.rxBytes = rxBytes;
        this.txBytes = txBytes;
    }
}
