package io.marque.portal.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message of a ticket, with its visibility. It keeps two names: the author's own, shown only to
 * the author's side, and the public one the other sides see (a provider agent appears under the
 * reseller's alias). Messages are never edited.
 */
@Entity
@Table(name = "ticket_message")
public class TicketMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private Long tenantId;

    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_kind", nullable = false)
    private AuthorKind authorKind;

    @Column(name = "author_user_id")
    private Long authorUserId;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(name = "public_name", nullable = false)
    private String publicName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageSource source;

    @Column(name = "mail_message_id")
    private String mailMessageId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TicketMessage() {
    }

    public TicketMessage(Ticket ticket, AuthorKind authorKind, Long authorUserId, String authorName, String publicName,
            Visibility visibility, String body, MessageSource source, Instant createdAt) {
        this.tenantId = ticket.getTenantId();
        this.ticketId = ticket.getId();
        this.authorKind = authorKind;
        this.authorUserId = authorUserId;
        this.authorName = authorName;
        this.publicName = publicName;
        this.visibility = visibility;
        this.body = body;
        this.source = source;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public Long getTicketId() { return ticketId; }
    public void moveTo(Ticket ticket) { this.ticketId = ticket.getId(); }
    public AuthorKind getAuthorKind() { return authorKind; }
    public Long getAuthorUserId() { return authorUserId; }
    public String getAuthorName() { return authorName; }
    public String getPublicName() { return publicName; }
    public Visibility getVisibility() { return visibility; }
    public String getBody() { return body; }
    public MessageSource getSource() { return source; }
    public String getMailMessageId() { return mailMessageId; }
    public void setMailMessageId(String id) { this.mailMessageId = id; }
    public Instant getCreatedAt() { return createdAt; }

    /**
     * Erasure on request ({@code privacy.CustomerPrivacy}): the text goes; a customer's message also
     * loses its author's name and the Message-ID of the mail it came in.
     *
     * @param authorName the customer's replacement name, or null to keep the author's (staff)
     */
    public void forget(String text, String authorName) {
        this.body = text;
        if (authorName != null) {
            this.authorName = authorName;
            this.publicName = authorName;
            this.mailMessageId = null;
        }
    }
}
