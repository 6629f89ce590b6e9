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

/** A reseller's prepared answer, with placeholders filled in when an agent uses it (see {@link CannedText}). */
@Entity
@Table(name = "canned_reply")
@NamedQuery(name = "CannedReply.ofTenant", query = "select c from CannedReply c where c.tenantId = :tenant order by c.title")
public class CannedReply {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private Long tenantId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected CannedReply() {
    }

    public CannedReply(long tenantId, String title, String body, Instant createdAt) {
        this.tenantId = tenantId;
        this.title = title;
        this.body = body;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
}
