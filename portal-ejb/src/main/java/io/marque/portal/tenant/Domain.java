package io.marque.portal.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A host name that leads to one tenant. Host names are unique across the installation. */
@Entity
@Table(name = "domain")
@NamedQuery(name = "Domain.all", query = "select d from Domain d")
@NamedQuery(name = "Domain.ofTenant", query = "select d from Domain d where d.tenantId = :tenant order by d.primary desc, d.host")
@NamedQuery(name = "Domain.byHost", query = "select d from Domain d where d.host = :host")
public class Domain {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private Long tenantId;

    @Column(nullable = false)
    private String host;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Domain() {
    }

    public Domain(Long tenantId, String host, boolean primary, Instant createdAt) {
        this.tenantId = tenantId;
        this.host = host;
        this.primary = primary;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public String getHost() { return host; }
    public boolean isPrimary() { return primary; }
    public void setPrimary(boolean primary) { this.primary = primary; }
    public Instant getCreatedAt() { return createdAt; }
}
