package io.marque.portal.mail.inbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One mail that reached a reseller's support address, and what became of it. The unique key on
 * (tenant, Message-ID) is what makes a mail that arrives twice (fetched again after a crash between
 * commit and marking it read, or both piped and fetched) land once. Rows are written once and never
 * changed.
 */
@Entity
@Table(name = "inbound_mail")
@NamedQuery(name = "ReceivedMail.byMessageId",
        query = "select r from ReceivedMail r where r.tenantId = :tenant and r.messageId = :messageId")
@NamedQuery(name = "ReceivedMail.recent",
        query = "select r from ReceivedMail r where r.tenantId = :tenant order by r.id desc")
public class ReceivedMail {

    /** The column sizes of {@code inbound_mail}; longer values are clipped. */
    public static final int MAX_SENDER = 254;
    public static final int MAX_SUBJECT = 400;
    public static final int MAX_DETAIL = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private Long tenantId;

    /** the mail's Message-ID, or a digest standing for it (see {@code ticket.MailThreading#storedId}) */
    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(nullable = false)
    private String sender;

    @Column(nullable = false)
    private String subject;

    /** the name of a {@code ticket.MailIntake.Outcome} */
    @Column(nullable = false)
    private String outcome;

    @Column(name = "ticket_id")
    private Long ticketId;

    @Column
    private String detail;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected ReceivedMail() {
    }

    public ReceivedMail(long tenantId, String messageId, String sender, String subject, String outcome, Long ticketId,
            String detail, Instant receivedAt) {
        this.tenantId = tenantId;
        this.messageId = messageId;
        this.sender = clip(sender, MAX_SENDER);
        this.subject = clip(subject, MAX_SUBJECT);
        this.outcome = outcome;
        this.ticketId = ticketId;
        this.detail = detail == null || detail.isEmpty() ? null : clip(detail, MAX_DETAIL);
        this.receivedAt = receivedAt;
    }

    private static String clip(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public String getMessageId() { return messageId; }
    public String getSender() { return sender; }
    public String getSubject() { return subject; }
    public String getOutcome() { return outcome; }
    public Long getTicketId() { return ticketId; }
    public String getDetail() { return detail; }
    public Instant getReceivedAt() { return receivedAt; }
}
