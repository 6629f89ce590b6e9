package io.marque.portal.mail;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A complete mail (its MIME bytes) waiting to be sent, or the record that it was sent. */
@Entity
@Table(name = "outbox_mail")
@NamedQuery(name = "OutboxMail.due", query = "select m.id from OutboxMail m where m.status = io.marque.portal.mail.OutboxMail.Status.PENDING and m.nextAttemptAt <= :now order by m.nextAttemptAt")
public class OutboxMail {

    /** PENDING until sent; FAILED after the last retry, kept for an operator to see. */
    public enum Status {
        PENDING,
        SENT,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private Long tenantId;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(nullable = false)
    private String sender;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] mime;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected OutboxMail() {
    }

    public OutboxMail(Long tenantId, String messageId, String sender, String recipient, String subject, byte[] mime,
            Instant now) {
        this.tenantId = tenantId;
        this.messageId = messageId;
        this.sender = sender;
        this.recipient = recipient;
        this.subject = subject;
        this.mime = mime;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public String getMessageId() { return messageId; }
    public String getSender() { return sender; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public byte[] getMime() { return mime; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(Instant nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public Instant getSentAt() { return sentAt; }
    public void setSentAt(Instant sentAt) { this.sentAt = sentAt; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
}
