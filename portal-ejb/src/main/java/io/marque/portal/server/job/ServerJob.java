package io.marque.portal.server.job;

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
 * One action on one server: queued, running, then done or failed with a reason. A server has at most
 * one job queued or running (its {@code active_job_id}), so a double click cannot cycle it twice.
 */
@Entity
@Table(name = "server_job")
@NamedQuery(name = "ServerJob.ofServer", query = "select j from ServerJob j where j.serverId = :server order by j.id desc")
@NamedQuery(name = "ServerJob.inState", query = "select j.id from ServerJob j where j.state = :state order by j.id")
public class ServerJob {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "server_id", nullable = false)
    private long serverId;

    @Column(name = "tenant_id")
    private Long tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobAction action;

    @Column(name = "template_code")
    private String templateCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobState state = JobState.QUEUED;

    @Column(nullable = false)
    private int progress;

    private String stage;

    @Column(name = "failure_key")
    private String failureKey;

    @Column(name = "failure_detail")
    private String failureDetail;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_kind", nullable = false)
    private Requester requestedKind;

    @Column(name = "requested_by")
    private Long requestedBy;

    @Column(name = "requested_email", nullable = false)
    private String requestedEmail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    /** Who asked, as far as the views care: the customer sees "you" or "support". */
    public enum Requester {
        CUSTOMER, RESELLER, PROVIDER, SYSTEM
    }

    protected ServerJob() {
    }

    public ServerJob(long serverId, Long tenantId, JobAction action, String templateCode, Requester requestedKind,
            Long requestedBy, String requestedEmail, Instant createdAt) {
        this.serverId = serverId;
        this.tenantId = tenantId;
        this.action = action;
        this.templateCode = templateCode;
        this.requestedKind = requestedKind;
        this.requestedBy = requestedBy;
        this.requestedEmail = requestedEmail;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public long getServerId() { return serverId; }
    public Long getTenantId() { return tenantId; }
    public JobAction getAction() { return action; }
    public String getTemplateCode() { return templateCode; }
    public JobState getState() { return state; }
    public int getProgress() { return progress; }
    public String getStage() { return stage; }
    public String getFailureKey() { return failureKey; }
    public String getFailureDetail() { return failureDetail; }
    public Requester getRequestedKind() { return requestedKind; }
    public Long getRequestedBy() { return requestedBy; }
    public String getRequestedEmail() { return requestedEmail; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }

    void start(Instant at) {
        state = JobState.RUNNING;
        startedAt = at;
        stage = "server.stage.started";
    }

    void progress(int percent, String stageKey) {
        progress = Math.max(progress, Math.min(100, Math.max(0, percent)));
        stage = stageKey;
    }

    void done(Instant at) {
        state = JobState.DONE;
        progress = 100;
        stage = "server.stage.done";
        finishedAt = at;
    }

    void fail(String key, String detail, Instant at) {
        state = JobState.FAILED;
        failureKey = key;
        failureDetail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
        finishedAt = at;
    }

    public boolean isActive() {
        return state == JobState.QUEUED || state == JobState.RUNNING;
    }
}
