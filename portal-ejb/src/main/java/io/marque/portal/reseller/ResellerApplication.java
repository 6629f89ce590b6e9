package io.marque.portal.reseller;

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
import java.util.List;

/**
 * A prospective reseller's application to the provider's program. The applicant has no account: it
 * follows its application through a private link whose token only the mail it got holds (the row keeps
 * the token's SHA-256). The reviewer's note is written for the applicant, who reads it on that page.
 */
@Entity
@Table(name = "reseller_application")
@NamedQuery(name = "ResellerApplication.byToken",
        query = "select a from ResellerApplication a where a.tokenHash = :hash")
@NamedQuery(name = "ResellerApplication.all",
        query = "select a from ResellerApplication a order by a.submittedAt desc, a.id desc")
@NamedQuery(name = "ResellerApplication.withStatus",
        query = "select a from ResellerApplication a where a.status in :statuses order by a.submittedAt, a.id")
public class ResellerApplication {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationStatus status = ApplicationStatus.SUBMITTED;

    @Column(name = "business_name", nullable = false)
    private String businessName;

    @Column(name = "registration_number", nullable = false)
    private String registrationNumber;

    @Column(name = "tax_id", nullable = false)
    private String taxId;

    @Column(nullable = false)
    private String description;

    @Column(name = "contact_name", nullable = false)
    private String contactName;

    @Column(name = "contact_email", nullable = false)
    private String contactEmail;

    @Column(name = "desired_slug", nullable = false)
    private String desiredSlug;

    /** See {@link ExtraAnswer#encode}. */
    @Column(name = "extra_answers")
    private String extraAnswers;

    @Column(name = "review_note")
    private String reviewNote;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    /** The language the applicant wrote in; its mails are in it. */
    @Column(nullable = false)
    private String locale;

    @Column(name = "client_address")
    private String clientAddress;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    /** The reseller an approval created. */
    @Column(name = "tenant_id")
    private Long tenantId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When it was last sent for review: first submitted, or resubmitted with more information. */
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Version
    private long version;

    protected ResellerApplication() {
    }

    public ResellerApplication(ApplicationForm.Details details, String tokenHash, String locale, String clientAddress,
            Instant now) {
        this.tokenHash = tokenHash;
        this.locale = locale;
        this.clientAddress = clientAddress;
        this.createdAt = now;
        fill(details, now);
    }

    /** Takes the (re)submitted form and puts the application back in the reviewers' queue. */
    void fill(ApplicationForm.Details details, Instant now) {
        this.businessName = details.businessName();
        this.registrationNumber = details.registrationNumber();
        this.taxId = details.taxId();
        this.description = details.description();
        this.contactName = details.contactName();
        this.contactEmail = details.contactEmail();
        this.desiredSlug = details.desiredSlug();
        this.extraAnswers = ExtraAnswer.encode(details.extraAnswers());
        this.status = ApplicationStatus.SUBMITTED;
        this.submittedAt = now;
    }

    /** Records a reviewer's decision or question, with the note the applicant will read. */
    void review(ApplicationStatus outcome, String note, String reviewer, Instant now) {
        this.status = outcome;
        this.reviewNote = note;
        this.reviewedBy = reviewer;
        this.reviewedAt = now;
    }

    public Long getId() { return id; }
    public ApplicationStatus getStatus() { return status; }
    public String getBusinessName() { return businessName; }
    public String getRegistrationNumber() { return registrationNumber; }
    public String getTaxId() { return taxId; }
    public String getDescription() { return description; }
    public String getContactName() { return contactName; }
    public String getContactEmail() { return contactEmail; }
    public String getDesiredSlug() { return desiredSlug; }
    public List<ExtraAnswer> extraAnswers() { return ExtraAnswer.decode(extraAnswers); }
    public String getReviewNote() { return reviewNote; }
    public String getLocale() { return locale; }
    public String getClientAddress() { return clientAddress; }
    public String getReviewedBy() { return reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
    public Long getTenantId() { return tenantId; }
    void setTenantId(Long tenantId) { this.tenantId = tenantId; }
    /** A new private link: the old one stops working. */
    void setTokenHash(String tokenHash) { this.tokenHash = tokenHash; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSubmittedAt() { return submittedAt; }
}
