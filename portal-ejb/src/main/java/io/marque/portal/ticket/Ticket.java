package io.marque.portal.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A customer's question to its reseller: the aggregate root of the ticket package. Its number is
 * counted per tenant (customers never see another reseller's volume), its reply token makes the
 * {@code Reply-To} address of its mails, and {@code queueDue} is when the reseller must act next, so
 * the queues sort breached and soon-due tickets first with one index.
 */
@Entity
@Table(name = "ticket")
@NamedQuery(name = "Ticket.byNumber", query = "select t from Ticket t where t.tenantId = :tenant and t.number = :number")
@NamedQuery(name = "Ticket.byId", query = "select t from Ticket t where t.tenantId = :tenant and t.id = :id")
@NamedQuery(name = "Ticket.byReplyToken", query = "select t from Ticket t where t.tenantId = :tenant and t.replyToken = :token")
public class Ticket {

    /** {@code queueDue} of a ticket that waits for nobody on the reseller's side: sorted after every real due time. */
    public static final Instant NOT_DUE = Instant.parse("9999-12-31T00:00:00Z");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private Long tenantId;

    @Column(nullable = false)
    private long number;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(name = "department_id", nullable = false)
    private Long departmentId;

    @Column(nullable = false)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketStatus status;

    @Column(name = "assignee_id")
    private Long assigneeId;

    @Column(name = "related_service")
    private String relatedService;

    /** space-separated, lower case, with a space at each end so one tag matches as {@code like '% tag %'} */
    @Column(nullable = false)
    private String tags;

    @Column(name = "reply_token", nullable = false)
    private String replyToken;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "first_response_due")
    private Instant firstResponseDue;

    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    @Column(name = "resolution_due")
    private Instant resolutionDue;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "queue_due", nullable = false)
    private Instant queueDue;

    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_state", nullable = false)
    private EscalationState escalationState;

    @Column(name = "escalation_reason")
    private String escalationReason;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "provider_may_reply", nullable = false)
    private boolean providerMayReply;

    @Column(name = "share_customer", nullable = false)
    private boolean shareCustomer;

    @Column(name = "customer_pseudonym")
    private String customerPseudonym;

    private Integer rating;

    @Column(name = "rating_comment")
    private String ratingComment;

    @Column(name = "merged_into_id")
    private Long mergedIntoId;

    /** the Message-ID of the first mail about this ticket, which later mails name as their thread */
    @Column(name = "thread_message_id")
    private String threadMessageId;

    @Version
    private long version;

    protected Ticket() {
    }

    public Ticket(long tenantId, long number, long customerId, long departmentId, String subject, Priority priority,
            String replyToken, Instant now) {
        this.tenantId = tenantId;
        this.number = number;
        this.customerId = customerId;
        this.departmentId = departmentId;
        this.subject = subject;
        this.priority = priority;
        this.replyToken = replyToken;
        this.status = TicketStatus.OPEN;
        this.tags = " ";
        this.createdAt = now;
        this.updatedAt = now;
        this.queueDue = NOT_DUE;
        this.escalationState = EscalationState.NONE;
    }

    public boolean isEscalated() {
        return escalationState == EscalationState.OPEN;
    }

    public Set<String> tagSet() {
        return Arrays.stream(tags.trim().split(" ")).filter(t -> !t.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void setTagSet(Set<String> tagSet) {
        this.tags = tagSet.isEmpty() ? " " : " " + String.join(" ", tagSet) + " ";
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public long getNumber() { return number; }
    public Long getCustomerId() { return customerId; }
    public Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
    public String getSubject() { return subject; }
    public Priority getPriority() { return priority; }
    public void setPriority(Priority priority) { this.priority = priority; }
    public TicketStatus getStatus() { return status; }
    public void setStatus(TicketStatus status) { this.status = status; }
    public Long getAssigneeId() { return assigneeId; }
    public void setAssigneeId(Long assigneeId) { this.assigneeId = assigneeId; }
    public String getRelatedService() { return relatedService; }
    public void setRelatedService(String relatedService) { this.relatedService = relatedService; }
    public String getReplyToken() { return replyToken; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Instant getFirstResponseDue() { return firstResponseDue; }
    public void setFirstResponseDue(Instant due) { this.firstResponseDue = due; }
    public Instant getFirstResponseAt() { return firstResponseAt; }
    public void setFirstResponseAt(Instant at) { this.firstResponseAt = at; }
    public Instant getResolutionDue() { return resolutionDue; }
    public void setResolutionDue(Instant due) { this.resolutionDue = due; }
    public Instant getResolvedAt() { return resolvedAt; }
    public void setResolvedAt(Instant at) { this.resolvedAt = at; }
    public Instant getQueueDue() { return queueDue; }
    public void setQueueDue(Instant queueDue) { this.queueDue = queueDue; }
    public EscalationState getEscalationState() { return escalationState; }
    public void setEscalationState(EscalationState state) { this.escalationState = state; }
    public String getEscalationReason() { return escalationReason; }
    public void setEscalationReason(String reason) { this.escalationReason = reason; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public void setEscalatedAt(Instant at) { this.escalatedAt = at; }
    public boolean isProviderMayReply() { return providerMayReply; }
    public void setProviderMayReply(boolean value) { this.providerMayReply = value; }
    public boolean isShareCustomer() { return shareCustomer; }
    public void setShareCustomer(boolean value) { this.shareCustomer = value; }
    public String getCustomerPseudonym() { return customerPseudonym; }
    public void setCustomerPseudonym(String pseudonym) { this.customerPseudonym = pseudonym; }
    public Integer getRating() { return rating; }
    public void setRating(Integer rating) { this.rating = rating; }
    public String getRatingComment() { return ratingComment; }
    public void setRatingComment(String comment) { this.ratingComment = comment; }
    public Long getMergedIntoId() { return mergedIntoId; }
    public void setMergedIntoId(Long id) { this.mergedIntoId = id; }
    public String getThreadMessageId() { return threadMessageId; }
    public void setThreadMessageId(String id) { this.threadMessageId = id; }

    /**
     * Erasure on request ({@code privacy.CustomerPrivacy}): the words typed about the customer go — subject,
     * rating comment, related service, escalation reason, tags — and the provider stops seeing its name
     * (only the pseudonym, which nothing links back to any more). Numbers, dates and states stay.
     */
    public void forget(String subject) {
        this.subject = subject;
        this.ratingComment = null;
        this.relatedService = null;
        this.escalationReason = this.escalationReason == null ? null : subject;
        this.tags = " ";
        this.shareCustomer = false;
    }
}
