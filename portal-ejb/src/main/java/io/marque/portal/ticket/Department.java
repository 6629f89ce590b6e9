package io.marque.portal.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A reseller's own queue of tickets ("Support", "Billing"); customers pick one when they write. */
@Entity
@Table(name = "department")
@NamedQuery(name = "Department.ofTenant", query = "select d from Department d where d.tenantId = :tenant order by d.position, d.name")
public class Department {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private Long tenantId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean active;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Department() {
    }

    public Department(long tenantId, String name, int position, Instant createdAt) {
        this.tenantId = tenantId;
        this.name = name;
        this.position = position;
        this.active = true;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
}
