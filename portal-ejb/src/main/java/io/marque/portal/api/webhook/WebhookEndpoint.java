package io.marque.portal.api.webhook;

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

/**
 * A URL where a reseller wants to hear of events, the events it chose, and the secret its deliveries
 * are signed with. The secret is kept encrypted with the installation's key (it must be read back to
 * sign), never in clear, and shown to the admin only when it is made.
 */
@Entity
@Table(name = "webhook_endpoint")
@NamedQuery(name = "WebhookEndpoint.ofTenant", query = "select e from WebhookEndpoint e where e.tenantId = :tenant order by e.id")
@NamedQuery(name = "WebhookEndpoint.activeOfTenant",
        query = "select e from WebhookEndpoint e where e.tenantId = :tenant and e.active = true order by e.id")
public class WebhookEndpoint {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(nullable = false)
    private String url;

    @Column(name = "secret_sealed", nullable = false)
    private String secretSealed;

    @Column(nullable = false)
    private String events;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected WebhookEndpoint() {
    }

    public WebhookEndpoint(long tenantId, String url, String secretSealed, Set<WebhookEvent> events, boolean active,
            Instant createdAt) {
        this.tenantId = tenantId;
        this.url = url;
        this.secretSealed = secretSealed;
        this.events = WebhookEvent.format(events);
        this.active = active;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public long getTenantId() { return tenantId; }
    public String getUrl() { return url; }
    public String getSecretSealed() { return secretSealed; }
    public Set<WebhookEvent> events() { return WebhookEvent.parse(events); }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }

    public boolean hears(WebhookEvent event) {
        return active && events().contains(event);
    }

    void change(String newUrl, Set<WebhookEvent> newEvents, boolean nowActive) {
        this.url = newUrl;
        this.events = WebhookEvent.format(newEvents);
        this.active = nowActive;
    }

    void secretSealed(String sealed) {
        this.secretSealed = sealed;
    }
}
