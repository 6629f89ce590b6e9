package io.marque.portal.reseller;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.billing.discount.Category;
import io.marque.portal.tenant.TenantStatus;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every word of the reseller program a page or mail shows is worded in English and Russian: the
 * refusals its services give (found in the sources, so a new one is checked too), the names of tiers,
 * policies, categories, application and reseller statuses the pages look up by enum value, and the
 * subject and wording of each applicant mail, whose templates exist in both forms.
 */
class ResellerMessagesTest {

    private static final Pattern KEY = Pattern.compile("\"((?:application|program)\\.error\\.[A-Za-z]+)\"");
    private static final Path BASE = Path.of("../themes/src/main/resources/themes/base");
    private static final List<String> MAILS = List.of("application-received", "application-more-info",
            "application-approved", "application-rejected");

    @Test
    void everyProgramWordIsWordedInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>(keysInSources());
        assertTrue(keys.containsAll(List.of("application.error.closed", "application.error.decided",
                "program.error.percent", "program.error.tiersOrder")), "the sources' keys were found: " + keys);
        keys.addAll(List.of("error.slug.invalid", "error.slug.taken", "error.required", "error.currency.invalid"));
        for (Tier tier : Tier.values()) {
            keys.add("tier." + tier);
        }
        for (PolicyKind policy : PolicyKind.values()) {
            keys.add("policy." + policy);
        }
        for (Category category : Category.values()) {
            keys.add("category." + category);
        }
        for (ApplicationStatus status : ApplicationStatus.values()) {
            keys.add("application.status." + status);
            keys.add("application.explain." + status);
        }
        for (TenantStatus status : TenantStatus.values()) {
            keys.add("status." + status);
        }
        for (String field : List.of("businessName", "registrationNumber", "taxId", "businessDescription",
                "applicantName", "applicantEmail", "desiredSlug", "reviewNote", "defaultDiscount", "tierCurrency",
                "silverFrom", "goldFrom", "platinumFrom", "diamondFrom", "applicationFields", "companyName",
                "address", "discountPolicy", "discountPercent", "adminNotes")) {
            keys.add("field." + field);
        }
        for (String mail : MAILS) {
            keys.add("mail." + mail + ".subject");
            for (String kind : List.of(".html", ".txt")) {
                String template = Files.readString(BASE.resolve("mail/" + mail + kind), StandardCharsets.UTF_8);
                Matcher message = Pattern.compile("#\\{([A-Za-z0-9_.-]+)}").matcher(template);
                while (message.find()) {
                    keys.add(message.group(1));
                }
                assertTrue(template.contains("${applicationUrl}"), mail + kind + " links to the application");
            }
        }
        for (String language : new String[] {"en", "ru"}) {
            Properties wording = load(language);
            for (String key : keys) {
                assertTrue(wording.getProperty(key, "").length() > 1, key + " is worded in " + language);
            }
        }
    }

    private static Set<String> keysInSources() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/marque/portal/reseller"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher key = KEY.matcher(Files.readString(file));
                while (key.find()) {
                    keys.add(key.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties load(String language) throws IOException {
        Properties wording = new Properties();
        try (Reader in = Files.newBufferedReader(BASE.resolve("messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            wording.load(in);
        }
        return wording;
    }
}
