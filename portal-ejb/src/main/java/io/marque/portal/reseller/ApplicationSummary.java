package io.marque.portal.reseller;

import java.time.Instant;

/** One line of the provider's application queue. */
public record ApplicationSummary(long id, ApplicationStatus status, String businessName, String contactName,
        String contactEmail, String desiredSlug, Instant submittedAt) implements java.io.Serializable {

    static ApplicationSummary of(ResellerApplication application) {
        return new ApplicationSummary(application.getId(), application.getStatus(), application.getBusinessName(),
                application.getContactName(), application.getContactEmail(), application.getDesiredSlug(),
                application.getSubmittedAt());
    }
}
