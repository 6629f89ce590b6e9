package io.marque.portal.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;

/** A reseller's API key. The secret is never stored: only its SHA-256 and a prefix to find it by. */
@Entity
@Table(name = "api_key")
@NamedQuery(name = "ApiKey.ofTenant", query = "select k from ApiKey k where k.tenantId = :tenant order by k.id desc")
@NamedQuery(name = "ApiKey.byPrefix", query = "select k from ApiKey k where k.prefix = :prefix")
public class ApiKey {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String prefix;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(nullable = false)
    private String scopes;

    @Column(name = "allowed_addresses")
    private String allowedAddresses;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "created_by_user_id", nullable = false)
    private long createdByUserId;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "request_count", nullable = false)
    private long requestCount;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected ApiKey() {
    }

    public ApiKey(long tenantId, String name, String prefix, String secretHash, Set<ApiScope> scopes, String allowedAddresses,
            Instant expiresAt, long createdByUserId, String createdBy, Instant createdAt) {
        this.tenantId = tenantId;
        this.name = name;
        this.prefix = prefix;
        this.secretHash = secretHash;
        this.scopes = ApiScope.format(scopes);
        this.allowedAddresses = allowedAddresses;
        this.expiresAt = expiresAt;
        this.createdByUserId = createdByUserId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public long getTenantId() { return tenantId; }
    public String getName() { return name; }
    public String getPrefix() { return prefix; }
    public String getSecretHash() { return secretHash; }
    public Set<ApiScope> scopes() { return ApiScope.parse(scopes); }
    public String getAllowedAddresses() { return allowedAddresses; }
    public Instant getExpiresAt() { return expiresAt; }
    public long getCreatedByUserId() { return createdByUserId; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public long getRequestCount() { return requestCount; }
    public Instant getRevokedAt() { return revokedAt; }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    void revoke(Instant at) {
        this.revokedAt = at;
    }
}
