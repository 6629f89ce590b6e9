package io.marque.portal.billing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.catalogue.ProductKind;
import io.marque.portal.billing.discount.Category;
import io.marque.portal.billing.invoice.DunningStep;
import io.marque.portal.billing.invoice.InvoiceStatus;
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
 * Every refusal the billing services give is worded in English and Russian (found in the sources, so a
 * new one is checked too), and so is every enum value the billing pages look up by name: cycles, invoice
 * statuses, dunning steps, product kinds and categories.
 */
class BillingMessagesTest {

    private static final Pattern KEY = Pattern.compile("\"(billing\\.error\\.[A-Za-z]+)\"");
    /** Services that name the key after the field ({@code "billing.error." + field}). */
    private static final Pattern FIELD_KEY = Pattern.compile("enumValue\\(problems, \"([A-Za-z]+)\"");
    private static final Path BASE = Path.of("../themes/src/main/resources/themes/base");

    @Test
    void everyBillingWordThePagesShowIsWordedInBothLanguages() throws IOException {
        Set<String> keys = keysInSources();
        assertTrue(keys.containsAll(List.of("billing.error.amount", "billing.error.amountWhole", "billing.error.codeTaken",
                "billing.error.category", "billing.error.kind", "billing.error.balanceShort")), "the sources' keys were found: " + keys);
        for (Cycle cycle : Cycle.values()) {
            keys.add("billing.cycle." + cycle);
        }
        for (InvoiceStatus status : InvoiceStatus.values()) {
            keys.add("billing.status." + status);
        }
        for (DunningStep step : DunningStep.values()) {
            keys.add("billing.dunning." + step);
        }
        for (ProductKind kind : ProductKind.values()) {
            keys.add("products.kind." + kind);
        }
        for (Category category : Category.values()) {
            keys.add("products.category." + category);
        }
        keys.add("billing.method.bank-transfer");
        for (String language : new String[] {"en", "ru"}) {
            Properties wording = load(language);
            for (String key : keys) {
                assertTrue(wording.getProperty(key, "").length() > 1, key + " is worded in " + language);
            }
        }
    }

    private static Set<String> keysInSources() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/marque/portal/billing"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher key = KEY.matcher(source);
                while (key.find()) {
                    keys.add(key.group(1));
                }
                Matcher field = FIELD_KEY.matcher(source);
                while (field.find()) {
                    keys.add("billing.error." + field.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties load(String language) throws IOException {
        Properties wording = new Properties();
        try (Reader in = Files.newBufferedReader(BASE.resolve("messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
            wording.load(in);
        }
        return wording;
    }
}
