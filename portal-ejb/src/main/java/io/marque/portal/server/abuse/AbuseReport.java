package io.marque.portal.server.abuse;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The provider's report of abuse from a reseller's server, with evidence and a deadline. The reseller
 * answers and resolves it; unresolved at the deadline, the server is suspended; the provider may then
 * terminate it. The customer never sees a report.
 */
@Entity
@Table(name = "abuse_report")
@NamedQuery(name = "AbuseReport.ofTenant", query = "select r from AbuseReport r where r.tenantId = :tenant order by r.id desc")
@NamedQuery(name = "AbuseReport.all", query = "select r from AbuseReport r order by r.id desc")
@NamedQuery(name = "AbuseReport.overdue", query = "select r.id from AbuseReport r where r.state = io.marque.portal.server.abuse.AbuseState.OPEN and r.deadline < :now order by r.id")
public class AbuseReport {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "server_id", nullable = false)
    private long serverId;

    @Column(nullable = false)
    private String evidence;

    @Column(nullable = false)
    private Instant deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AbuseState state = AbuseState.OPEN;

    @Column(name = "reseller_response")
    private String resellerResponse;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected AbuseReport() {
    }

    public AbuseReport(long tenantId, long serverId, String evidence, Instant deadline, Instant createdAt) {
        this.tenantId = tenantId;
        this.serverId = serverId;
        this.evidence = evidence;
        this.deadline = deadline;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public long getTenantId() { return tenantId; }
    public long getServerId() { return serverId; }
    public String getEvidence() { return evidence; }
    public Instant getDeadline() { return deadline; }
    public AbuseState getState() { return state; }
    public String getResellerResponse() { return resellerResponse; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getRespondedAt() { return respondedAt; }
    public Instant getClosedAt() { return closedAt; }

    void respond(String text, Instant at) {
        resellerResponse = text;
        respondedAt = at;
    }

    void close(AbuseState to, Instant at) {
        state = to;
        closedAt = at;
    }

    void suspendServer() {
        state = AbuseState.SUSPENDED;
    }
}
