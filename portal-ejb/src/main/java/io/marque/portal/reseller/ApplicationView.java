package io.marque.portal.reseller;

import java.time.Instant;
import java.util.List;

/**
 * An application as its applicant sees it through its private link: what it sent, where it is, and the
 * reviewer's note — never who reviewed it.
 *
 * @param extraLabels the questions the form asks now, for a resubmission
 * @param portalHost  the new reseller's first host name, once approved
 */
public record ApplicationView(ApplicationStatus status, String businessName, String registrationNumber, String taxId,
        String description, String contactName, String contactEmail, String desiredSlug, List<ExtraAnswer> answers,
        String reviewNote, Instant submittedAt, List<String> extraLabels, String portalHost)
        implements java.io.Serializable {

    /** The applicant may change and resubmit it: a reviewer asked for more information. */
    public boolean editable() {
        return status == ApplicationStatus.MORE_INFO;
    }

    /** The answer given to a question with that label, or "" when it was not asked then. */
    public String answerTo(String label) {
        return answers.stream().filter(a -> a.label().equals(label)).map(ExtraAnswer::answer).findFirst().orElse("");
    }
}
