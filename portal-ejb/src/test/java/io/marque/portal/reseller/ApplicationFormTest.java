package io.marque.portal.reseller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.marque.portal.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The application form's checks: every field, all reported at once, and the answers kept with their labels. */
class ApplicationFormTest {

    private static final List<String> LABELS = List.of("Website", "Servers you expect to sell");

    private static ApplicationForm valid() {
        return new ApplicationForm("  Delta Hosting GmbH ", "HRB 1234", "DE123456789",
                "We host shops.\r\nMostly in Germany.", "Dora Delta", " Dora@Delta.Example ", " Delta-Cloud ",
                List.of("https://delta.example", "40"));
    }

    private static ApplicationForm with(String field, String value) {
        ApplicationForm f = valid();
        return switch (field) {
            case "businessName" -> new ApplicationForm(value, f.registrationNumber(), f.taxId(), f.description(),
                    f.contactName(), f.contactEmail(), f.desiredSlug(), f.extraAnswers());
            case "registrationNumber" -> new ApplicationForm(f.businessName(), value, f.taxId(), f.description(),
                    f.contactName(), f.contactEmail(), f.desiredSlug(), f.extraAnswers());
            case "taxId" -> new ApplicationForm(f.businessName(), f.registrationNumber(), value, f.description(),
                    f.contactName(), f.contactEmail(), f.desiredSlug(), f.extraAnswers());
            case "businessDescription" -> new ApplicationForm(f.businessName(), f.registrationNumber(), f.taxId(), value,
                    f.contactName(), f.contactEmail(), f.desiredSlug(), f.extraAnswers());
            case "applicantName" -> new ApplicationForm(f.businessName(), f.registrationNumber(), f.taxId(),
                    f.description(), value, f.contactEmail(), f.desiredSlug(), f.extraAnswers());
            case "applicantEmail" -> new ApplicationForm(f.businessName(), f.registrationNumber(), f.taxId(),
                    f.description(), f.contactName(), value, f.desiredSlug(), f.extraAnswers());
            case "desiredSlug" -> new ApplicationForm(f.businessName(), f.registrationNumber(), f.taxId(),
                    f.description(), f.contactName(), f.contactEmail(), value, f.extraAnswers());
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static Map<String, String> problems(ApplicationForm form, List<String> labels) {
        return assertThrows(InvalidInputException.class, () -> form.validate(labels)).problems();
    }

    @Test
    void aValidFormIsTrimmedAndNormalised() {
        ApplicationForm.Details details = valid().validate(LABELS);
        assertEquals("Delta Hosting GmbH", details.businessName());
        assertEquals("dora@delta.example", details.contactEmail());
        assertEquals("delta-cloud", details.desiredSlug(), "short names are lower case");
        assertEquals("We host shops.\nMostly in Germany.", details.description());
        assertEquals(List.of(new ExtraAnswer("Website", "https://delta.example"),
                new ExtraAnswer("Servers you expect to sell", "40")), details.extraAnswers());
    }

    @Test
    void everyRequiredFieldIsRequired() {
        for (String field : List.of("businessName", "registrationNumber", "taxId", "businessDescription",
                "applicantName")) {
            assertEquals(Map.of(field, "error.required"), problems(with(field, "  "), LABELS), field);
            assertEquals(Map.of(field, "error.required"), problems(with(field, null), LABELS), field);
        }
        assertEquals(Map.of("applicantEmail", "error.email.invalid"), problems(with("applicantEmail", ""), LABELS));
        assertEquals(Map.of("desiredSlug", "error.slug.invalid"), problems(with("desiredSlug", null), LABELS));
    }

    @Test
    void lengthsMatchWhatCreatingTheResellerAccepts() {
        valid().validate(LABELS);
        with("businessName", "x".repeat(120)).validate(LABELS);
        assertEquals(Map.of("businessName", "error.text.invalid"), problems(with("businessName", "x".repeat(121)), LABELS));
        with("applicantName", "x".repeat(160)).validate(LABELS);
        assertEquals(Map.of("applicantName", "error.text.invalid"), problems(with("applicantName", "x".repeat(161)), LABELS));
        assertEquals(Map.of("registrationNumber", "error.text.invalid"),
                problems(with("registrationNumber", "1".repeat(65)), LABELS));
        assertEquals(Map.of("taxId", "error.text.invalid"), problems(with("taxId", "1".repeat(65)), LABELS));
        with("businessDescription", "x".repeat(4000)).validate(LABELS);
        assertEquals(Map.of("businessDescription", "error.text.invalid"),
                problems(with("businessDescription", "x".repeat(4001)), LABELS));
        assertEquals(Map.of("businessName", "error.text.invalid"), problems(with("businessName", "Two\nlines"), LABELS),
                "a name is one line");
    }

    @Test
    void theShortNameFollowsTheTenantRule() {
        assertEquals("ab", with("desiredSlug", "AB").validate(LABELS).desiredSlug());
        assertEquals("a-1", with("desiredSlug", "a-1").validate(LABELS).desiredSlug());
        assertEquals("a" + "b".repeat(62), with("desiredSlug", "a" + "b".repeat(62)).validate(LABELS).desiredSlug());
        for (String bad : List.of("a", "-ab", "a_b", "a.b", "ab cd", "ä-b", "a" + "b".repeat(63))) {
            assertEquals(Map.of("desiredSlug", "error.slug.invalid"), problems(with("desiredSlug", bad), LABELS), bad);
        }
    }

    @Test
    void everyExtraQuestionIsAnsweredOnOneLine() {
        ApplicationForm f = valid();
        ApplicationForm missing = new ApplicationForm(f.businessName(), f.registrationNumber(), f.taxId(),
                f.description(), f.contactName(), f.contactEmail(), f.desiredSlug(), List.of("https://delta.example"));
        assertEquals(Map.of("extra.1", "error.required"), problems(missing, LABELS));
        ApplicationForm none = new ApplicationForm(f.businessName(), f.registrationNumber(), f.taxId(),
                f.description(), f.contactName(), f.contactEmail(), f.desiredSlug(), null);
        assertEquals(Map.of("extra.0", "error.required", "extra.1", "error.required"), problems(none, LABELS));
        ApplicationForm tab = new ApplicationForm(f.businessName(), f.registrationNumber(), f.taxId(),
                f.description(), f.contactName(), f.contactEmail(), f.desiredSlug(), List.of("a\tb", "x".repeat(501)));
        assertEquals(Map.of("extra.0", "error.text.invalid", "extra.1", "error.text.invalid"), problems(tab, LABELS),
                "no tab or line break can break the stored answers, and answers are at most 500 characters");
        assertEquals(List.of(), f.validate(List.of()).extraAnswers(), "answers to questions not asked are dropped");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ApplicationForm bad = new ApplicationForm("", "", "", "", "", "not-an-address", "-", new ArrayList<>(Arrays.asList("", "")));
        assertEquals(List.of("businessName", "registrationNumber", "taxId", "businessDescription", "applicantName",
                "applicantEmail", "desiredSlug", "extra.0", "extra.1"), List.copyOf(problems(bad, LABELS).keySet()));
    }

    @Test
    void answersAreStoredWithTheirLabelsAndReadBack() {
        List<ExtraAnswer> answers = List.of(new ExtraAnswer("Website", "https://delta.example"),
                new ExtraAnswer("Servers: how many?", "40: maybe 50"));
        assertEquals(answers, ExtraAnswer.decode(ExtraAnswer.encode(answers)));
        assertNull(ExtraAnswer.encode(List.of()));
        assertEquals(List.of(), ExtraAnswer.decode(null));
    }

    @Test
    void theFirstHostNameIsTheShortNameUnderTheBaseDomain() {
        assertEquals("delta.localhost", ApplicationForm.host("delta", "localhost"));
        assertEquals("delta.portal.example", ApplicationForm.host("delta", "portal.example"));
    }
}
