package io.marque.portal.tenant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file a tenant uploaded (its logo), kept with its checksum so it can be served under a content hash. */
@Entity
@Table(name = "asset")
public class Asset {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private Long tenantId;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(nullable = false)
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] bytes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Asset() {
    }

    public Asset(Long tenantId, String contentType, String sha256, byte[] bytes, Instant createdAt) {
        this.tenantId = tenantId;
        this.contentType = contentType;
        this.sha256 = sha256;
        this.bytes = bytes;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public String getContentType() { return contentType; }
    public String getSha256() { return sha256; }
    public byte[] getBytes() { return bytes; }
}
