package io.marque.portal.server;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One public address of a server (unique across the inventory), with its reverse DNS name. */
@Entity
@Table(name = "server_address")
@NamedQuery(name = "ServerAddress.ofServer", query = "select a from ServerAddress a where a.serverId = :server order by a.family, a.id")
@NamedQuery(name = "ServerAddress.ofServers", query = "select a from ServerAddress a where a.serverId in :servers order by a.family, a.id")
@NamedQuery(name = "ServerAddress.byAddress", query = "select a from ServerAddress a where a.address = :address")
public class ServerAddress {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "server_id", nullable = false)
    private long serverId;

    @Column(nullable = false)
    private String address;

    @Column(nullable = false)
    private int family;

    private String ptr;

    @Column(name = "ptr_updated_at")
    private Instant ptrUpdatedAt;

    protected ServerAddress() {
    }

    public ServerAddress(long serverId, String address, int family) {
        this.serverId = serverId;
        this.address = address;
        this.family = family;
    }

    public Long getId() { return id; }
    public long getServerId() { return serverId; }
    public String getAddress() { return address; }
    public int getFamily() { return family; }
    public String getPtr() { return ptr; }
    public Instant getPtrUpdatedAt() { return ptrUpdatedAt; }

    public void ptr(String name, Instant at) {
        this.ptr = name;
        this.ptrUpdatedAt = at;
    }
}
