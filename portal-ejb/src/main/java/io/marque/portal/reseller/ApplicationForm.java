package io.marque.portal.reseller;

import io.marque.portal.identity.Fields;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.Problems;
import io.marque.portal.tenant.ResellerAdministration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a prospective reseller types into the application form, as typed. {@link #validate} checks it
 * as a whole, so the applicant hears of every bad field at once; the checks match those that creating
 * the reseller applies later (name length, short name, e-mail), so an accepted application can be
 * approved.
 *
 * @param extraAnswers the answers to the program's extra questions, in the order of their labels
 */
public record ApplicationForm(String businessName, String registrationNumber, String taxId, String description,
        String contactName, String contactEmail, String desiredSlug, List<String> extraAnswers) {

    /** The longest answer to an extra question. */
    public static final int EXTRA_ANSWER_MAX = 500;

    /** The form's content, checked and normalised. */
    public record Details(String businessName, String registrationNumber, String taxId, String description,
            String contactName, String contactEmail, String desiredSlug, List<ExtraAnswer> extraAnswers) {
    }

    /**
     * Checks every field: the business and contact names, registration number, tax id and description are
     * required single-line texts (the description may have several lines), the e-mail address valid, the
     * short name 2–63 lower-case letters, digits and hyphens, and every extra question answered.
     *
     * @param extraLabels the extra questions the program asks now
     * @throws InvalidInputException naming every field that is wrong; an extra question's field is
     *                               {@code extra.<n>}, counted from 0
     */
    public Details validate(List<String> extraLabels) {
        Problems problems = new Problems();
        String business = problems.check(() -> Fields.text("businessName", businessName, 120));
        String registration = problems.check(() -> Fields.text("registrationNumber", registrationNumber, 64));
        String tax = problems.check(() -> Fields.text("taxId", taxId, 64));
        String about = problems.check(() -> {
            String text = Fields.optionalMultiline("businessDescription", description, 4000);
            if (text == null) {
                throw new InvalidInputException("businessDescription", "error.required");
            }
            return text;
        });
        String name = problems.check(() -> Fields.text("applicantName", contactName, 160));
        String email = problems.check(() -> Fields.email("applicantEmail", contactEmail));
        String slug = slug(desiredSlug);
        if (!ResellerAdministration.SLUG.matcher(slug).matches()) {
            problems.add("desiredSlug", "error.slug.invalid");
        }
        List<ExtraAnswer> answers = new ArrayList<>();
        for (int i = 0; i < extraLabels.size(); i++) {
            String field = "extra." + i;
            String typed = extraAnswers == null || i >= extraAnswers.size() ? null : extraAnswers.get(i);
            String answer = problems.check(() -> Fields.text(field, typed, EXTRA_ANSWER_MAX));
            answers.add(new ExtraAnswer(extraLabels.get(i), answer));
        }
        problems.throwIfAny();
        return new Details(business, registration, tax, about, name, email, slug, List.copyOf(answers));
    }

    /** The first host name an approved application's reseller gets: {@code <short name>.<base domain>}. */
    public static String host(String slug, String baseDomain) {
        return slug + "." + baseDomain;
    }

    /** A short name as the tenant gets it: trimmed, in lower case. */
    public static String slug(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }
}
