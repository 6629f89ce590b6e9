package io.marque.portal.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A POST made with an Idempotency-Key, and the answer it got, kept to replay to a retry. */
@Entity
@Table(name = "api_idempotency")
@NamedQuery(name = "ApiIdempotency.of", query = "select i from ApiIdempotency i where i.keyId = :key and i.idemKey = :idem")
public class ApiIdempotency {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "key_id", nullable = false)
    private long keyId;

    @Column(name = "idem_key", nullable = false)
    private String idemKey;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(nullable = false)
    private int status;

    private String body;

    private String location;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ApiIdempotency() {
    }

    public ApiIdempotency(ApiCaller caller, String idemKey, String requestHash, Instant createdAt) {
        this.tenantId = caller.tenantId();
        this.keyId = caller.keyId();
        this.idemKey = idemKey;
        this.requestHash = requestHash;
        this.createdAt = createdAt;
    }

    public String getRequestHash() { return requestHash; }
    public int getStatus() { return status; }
    public String getBody() { return body; }
    public String getLocation() { return location; }

    void answer(int status, String body, String location) {
        this.status = status;
        this.body = body;
        this.location = location;
    }
}
