package io.marque.portal.api.webhook;

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
 * One event for one endpoint: written with the change it reports, then tried until the receiver
 * answers 2xx or the {@link RetrySchedule} gives up. The payload is fixed when the event happens; the
 * signature is made at each attempt (with the endpoint's secret of that moment and a fresh timestamp).
 */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(name = "WebhookDelivery.recentOfTenant",
        query = "select d from WebhookDelivery d where d.tenantId = :tenant order by d.id desc")
@NamedQuery(name = "WebhookDelivery.ofEndpoint", query = "select d from WebhookDelivery d where d.endpointId = :endpoint")
public class WebhookDelivery {

    /** PENDING until the receiver answers 2xx (DELIVERED) or the last retry failed (FAILED). */
    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "endpoint_id", nullable = false)
    private long endpointId;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(nullable = false)
    private String event;

    @Column(nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(long tenantId, long endpointId, String eventId, WebhookEvent event, String payload, Instant now) {
        this.tenantId = tenantId;
        this.endpointId = endpointId;
        this.eventId = eventId;
        this.event = event.wireName();
        this.payload = payload;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public long getTenantId() { return tenantId; }
    public long getEndpointId() { return endpointId; }
    public String getEventId() { return eventId; }
    public String getEvent() { return event; }
    public String getPayload() { return payload; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Integer getLastStatus() { return lastStatus; }
    public String getLastError() { return lastError; }
    public Instant getDeliveredAt() { return deliveredAt; }
    public Instant getCreatedAt() { return createdAt; }

    /** Taken by a sender: one more attempt counted, and not due again until {@code leaseUntil} if the sender never reports back. */
    void claimed(Instant leaseUntil) {
        attempts++;
        nextAttemptAt = leaseUntil;
    }

    void delivered(int httpStatus, Instant at) {
        status = Status.DELIVERED;
        lastStatus = httpStatus;
        lastError = null;
        deliveredAt = at;
    }

    /** The attempt failed: tried again at {@code next}, or given up when that is null. */
    void failed(Integer httpStatus, String error, Instant next) {
        lastStatus = httpStatus;
        lastError = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
        if (next == null) {
            status = Status.FAILED;
        } else {
            nextAttemptAt = next;
        }
    }

    /** A reseller admin asks for a failed delivery again: a fresh round of attempts, due now. */
    void retry(Instant now) {
        status = Status.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }
}
