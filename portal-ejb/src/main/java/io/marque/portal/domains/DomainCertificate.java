package io.marque.portal.domains;

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
 * The TLS certificate of a proven host, obtained by ACME. The private key is kept encrypted; the file
 * drop for the front end is written from here, so it can always be written again.
 */
@Entity
@Table(name = "domain_certificate")
@NamedQuery(name = "DomainCertificate.ofDomain", query = "select c from DomainCertificate c where c.customDomainId = :domain")
@NamedQuery(name = "DomainCertificate.all", query = "select c from DomainCertificate c")
public class DomainCertificate {

    /** Where the certificate stands. */
    public enum Status {
        /** The host does not point at the portal yet: no CA could reach the challenge. */
        WAITING,
        /** An order is open. */
        ISSUING,
        ISSUED,
        /** The last order failed: {@link #getLastError()} says why; tried again later. */
        FAILED
    }

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "custom_domain_id", nullable = false)
    private long customDomainId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "chain_pem")
    private String chainPem;

    /** Encrypted PEM. */
    @Column(name = "key_pem")
    private String keyPem;

    private String serial;

    @Column(name = "not_before")
    private Instant notBefore;

    @Column(name = "not_after")
    private Instant notAfter;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Version
    private long version;

    protected DomainCertificate() {
    }

    public DomainCertificate(long customDomainId, Instant now) {
        this.customDomainId = customDomainId;
        this.status = Status.WAITING;
        this.nextAttemptAt = now;
    }

    public void issued(String chainPem, String encryptedKey, String serial, Instant notBefore, Instant notAfter,
            Instant now) {
        this.status = Status.ISSUED;
        this.chainPem = chainPem;
        this.keyPem = encryptedKey;
        this.serial = serial;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.issuedAt = now;
        this.lastError = null;
        this.attempts = 0;
    }

    /** A failed order: a certificate already issued stays (and is served) until it expires. */
    public void failed(String error, Instant retryAt) {
        this.status = chainPem != null && notAfter != null && notAfter.isAfter(retryAt) ? Status.ISSUED : Status.FAILED;
        this.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        this.attempts++;
        this.nextAttemptAt = retryAt;
    }

    public Long getId() { return id; }
    public long getCustomDomainId() { return customDomainId; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public String getChainPem() { return chainPem; }
    public String getKeyPem() { return keyPem; }
    public String getSerial() { return serial; }
    public Instant getNotBefore() { return notBefore; }
    public Instant getNotAfter() { return notAfter; }
    public Instant getIssuedAt() { return issuedAt; }
    public String getLastError() { return lastError; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(Instant nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
}
