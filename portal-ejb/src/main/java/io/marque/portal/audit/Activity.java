package io.marque.portal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the activity log. Entries are never changed or deleted. */
@Entity
@Table(name = "activity")
public class Activity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private Long tenantId;

    @Column(name = "actor_user_id")
    private Long actorUserId;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    private String target;

    private String detail;

    @Column(name = "client_address")
    private String clientAddress;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Activity() {
    }

    public Activity(Long tenantId, Long actorUserId, String actor, String action, String target, String detail,
            String clientAddress, Instant createdAt) {
        this.tenantId = tenantId;
        this.actorUserId = actorUserId;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.detail = detail;
        this.clientAddress = clientAddress;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public Long getActorUserId() { return actorUserId; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getTarget() { return target; }
    public String getDetail() { return detail; }
    public String getClientAddress() { return clientAddress; }
    public Instant getCreatedAt() { return createdAt; }

    /** Erasure on request: the only change an entry ever sees ({@link AuditRecorder#forget}). */
    void forget(String actor, String target, String detail, boolean clearAddress) {
        this.actor = actor;
        this.target = target;
        this.detail = detail;
        if (clearAddress) {
            this.clientAddress = null;
        }
    }
}
