package io.marque.portal.domains;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A portal host (and optionally a mail domain) a reseller claims. The claim is only a wish until the
 * ownership record holding its {@link #getToken() token} is found in DNS; then the host gets a routing
 * row ({@link io.marque.portal.tenant.Domain}) and leads to the reseller. Pending claims of one host by
 * two resellers may coexist: the first proof wins, the other is told the host is in use.
 */
@Entity
@Table(name = "custom_domain")
@NamedQuery(name = "CustomDomain.ofTenant", query = "select d from CustomDomain d where d.tenantId = :tenant order by d.host")
@NamedQuery(name = "CustomDomain.all", query = "select d from CustomDomain d order by d.host, d.tenantId")
@NamedQuery(name = "CustomDomain.due", query = "select d.id from CustomDomain d where d.nextCheckAt <= :now order by d.nextCheckAt")
@NamedQuery(name = "CustomDomain.byTenantAndHost", query = "select d from CustomDomain d where d.tenantId = :tenant and d.host = :host")
@NamedQuery(name = "CustomDomain.signing", query = "select d from CustomDomain d where d.mailDomain is not null and d.dkimKey is not null and d.status <> io.marque.portal.domains.CustomDomain.Status.PENDING")
public class CustomDomain {

    /** Where a claim stands. */
    public enum Status {
        /** Ownership not proven yet: the host leads nowhere. */
        PENDING,
        /** Proven and routed; every record found so far is still there. */
        ACTIVE,
        /** Proven and routed, but a record found before is now missing or wrong. */
        ATTENTION
    }

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(nullable = false)
    private String host;

    @Column(name = "mail_domain")
    private String mailDomain;

    @Column(nullable = false)
    private String token;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    /** A message key: why a proven claim is not routed. */
    private String problem;

    @Column(name = "domain_id")
    private Long domainId;

    @Column(name = "dkim_selector")
    private String dkimSelector;

    /** Encrypted PKCS#8 PEM. */
    @Column(name = "dkim_key")
    private String dkimKey;

    @Column(name = "dkim_public_key")
    private String dkimPublicKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Column(name = "next_check_at", nullable = false)
    private Instant nextCheckAt;

    @Column(name = "idle_checks", nullable = false)
    private int idleChecks;

    @OneToMany(mappedBy = "domain", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<DomainRecord> records = new ArrayList<>();

    @Version
    private long version;

    protected CustomDomain() {
    }

    public CustomDomain(long tenantId, String host, String mailDomain, String token, Instant now) {
        this.tenantId = tenantId;
        this.host = host;
        this.mailDomain = mailDomain;
        this.token = token;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.nextCheckAt = now;
    }

    public Long getId() { return id; }
    public long getTenantId() { return tenantId; }
    public String getHost() { return host; }
    public String getMailDomain() { return mailDomain; }
    public String getToken() { return token; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public String getProblem() { return problem; }
    public void setProblem(String problem) { this.problem = problem; }
    public Long getDomainId() { return domainId; }
    public void setDomainId(Long domainId) { this.domainId = domainId; }
    public String getDkimSelector() { return dkimSelector; }
    public String getDkimKey() { return dkimKey; }
    public String getDkimPublicKey() { return dkimPublicKey; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getVerifiedAt() { return verifiedAt; }
    public void setVerifiedAt(Instant verifiedAt) { this.verifiedAt = verifiedAt; }
    public Instant getCheckedAt() { return checkedAt; }
    public void setCheckedAt(Instant checkedAt) { this.checkedAt = checkedAt; }
    public Instant getNextCheckAt() { return nextCheckAt; }
    public void setNextCheckAt(Instant nextCheckAt) { this.nextCheckAt = nextCheckAt; }
    public int getIdleChecks() { return idleChecks; }
    public void setIdleChecks(int idleChecks) { this.idleChecks = idleChecks; }
    public List<DomainRecord> getRecords() { return records; }

    public void useDkimKey(String selector, String encryptedKey, String publicKey) {
        this.dkimSelector = selector;
        this.dkimKey = encryptedKey;
        this.dkimPublicKey = publicKey;
    }

    public Optional<DomainRecord> record(DomainRecord.Kind kind) {
        return records.stream().filter(r -> r.getKind() == kind).findFirst();
    }

    public boolean isRouted() {
        return status != Status.PENDING && domainId != null;
    }
}
