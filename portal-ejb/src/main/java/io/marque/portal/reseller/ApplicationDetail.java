package io.marque.portal.reseller;

import java.time.Instant;
import java.util.List;

/**
 * An application as the provider's reviewer sees it: everything the applicant sent, the last review and
 * who made it, and the reseller an approval created.
 */
public record ApplicationDetail(long id, ApplicationStatus status, String businessName, String registrationNumber,
        String taxId, String description, String contactName, String contactEmail, String desiredSlug,
        String portalHost, List<ExtraAnswer> answers, String reviewNote, String reviewedBy, Instant reviewedAt,
        Long tenantId, String clientAddress, Instant createdAt, Instant submittedAt) implements java.io.Serializable {

    /** Still waiting for a decision. */
    public boolean open() {
        return status.isOpen();
    }

    static ApplicationDetail of(ResellerApplication a, String portalHost) {
        return new ApplicationDetail(a.getId(), a.getStatus(), a.getBusinessName(), a.getRegistrationNumber(),
                a.getTaxId(), a.getDescription(), a.getContactName(), a.getContactEmail(), a.getDesiredSlug(),
                portalHost, a.extraAnswers(), a.getReviewNote(), a.getReviewedBy(), a.getReviewedAt(), a.getTenantId(),
                a.getClientAddress(), a.getCreatedAt(), a.getSubmittedAt());
    }
}
