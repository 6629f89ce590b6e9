package io.marque.portal.billing.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.billing.invoice.DunningStep;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every step has its mail in the base theme, HTML and text, and every word a dunning mail, a suspended
 * server's note or a refused extension shows is worded in English and Russian, so no reader meets a raw key.
 */
class DunningWordingTest {

    private static final Path BASE = Path.of("../themes/src/main/resources/themes/base");
    private static final Path SOURCES = Path.of("src/main/java/io/marque/portal/billing/dunning");
    private static final Pattern MESSAGE = Pattern.compile("#\\{([A-Za-z0-9_.-]+)}");
    private static final Pattern SOURCE_KEY = Pattern.compile("\"(dunning\\.[A-Za-z.]+)\"");

    @Test
    void everyStepHasItsMailAndEveryWordIsWordedInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (DunningStep step : DunningStep.values()) {
            if (step == DunningStep.NONE) {
                continue;
            }
            String template = DunningNotifier.template(step);
            keys.add("mail." + template + ".subject");
            for (String kind : new String[] {".html", ".txt"}) {
                Path file = BASE.resolve("mail/" + template + kind);
                assertTrue(Files.exists(file), file + " exists");
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertTrue(text.contains("${invoiceUrl}"), file + " links to the invoices");
                Matcher m = MESSAGE.matcher(text);
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        try (var files = Files.list(SOURCES)) {
            for (Path source : files.toList()) {
                Matcher m = SOURCE_KEY.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertTrue(keys.containsAll(Set.of(DunningNotifier.SUSPENSION_NOTE, "dunning.error.until.tooLate",
                "mail.invoice.suspended.intro")), "the keys were found: " + keys);
        for (String language : new String[] {"en", "ru"}) {
            Properties wording = load(language);
            for (String key : keys) {
                assertTrue(wording.getProperty(key, "").length() > 1, key + " is worded in " + language);
            }
        }
    }

    @Test
    void theSuspensionNoteNamesTheInvoice() throws IOException {
        for (String language : new String[] {"en", "ru"}) {
            assertTrue(load(language).getProperty(DunningNotifier.SUSPENSION_NOTE).contains("${number}"), language);
        }
    }

    @Test
    void eachStepHasItsOwnMailAndAuditAction() {
        Set<String> templates = new HashSet<>();
        Set<String> actions = new HashSet<>();
        for (DunningStep step : DunningStep.values()) {
            if (step != DunningStep.NONE) {
                templates.add(DunningNotifier.template(step));
                actions.add(Dunning.action(step));
            }
        }
        assertEquals(5, templates.size());
        assertEquals(5, actions.size());
    }

    private static Properties load(String language) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(BASE.resolve("messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
