package io.marque.portal.reseller;

/**
 * Where an application is: waiting for a reviewer, waiting for the applicant's answer to "more
 * information, please", or decided (for good).
 */
public enum ApplicationStatus {
    SUBMITTED,
    MORE_INFO,
    APPROVED,
    REJECTED;

    /** Still waiting for a decision. */
    public boolean isOpen() {
        return this == SUBMITTED || this == MORE_INFO;
    }
}
