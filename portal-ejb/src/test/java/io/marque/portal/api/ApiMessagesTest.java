package io.marque.portal.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Every refusal the API's services give is worded in English and Russian (the API answers with the English
 * words, the keys page with the reader's), and so is every scope the keys page offers and every API text
 * the pages use (found in the sources, so a new one is checked too).
 */
class ApiMessagesTest {

    private static final Pattern SERVICE_KEY = Pattern.compile("\"(api\\.error\\.[A-Za-z]+)\"");
    /** A key quoted in a page or a backing bean; one ending in a dot is completed at run time, below. */
    private static final Pattern PAGE_KEY = Pattern.compile("['\"](api\\.[A-Za-z.]+)['\"]");
    private static final Path BASE = Path.of("../themes/src/main/resources/themes/base");
    private static final Path WEB = Path.of("../portal-web/src/main");

    @Test
    void everyApiWordIsWordedInBothLanguages() throws IOException {
        Set<String> keys = keysIn(Path.of("src/main/java/io/marque/portal/api"), SERVICE_KEY);
        assertTrue(keys.containsAll(List.of("api.error.scopes", "api.error.addresses", "api.error.expiry",
                "api.error.tooManyKeys", "api.error.notRotatable", "api.error.rate", "api.error.burst",
                "api.error.idempotencyKey")), "the services' keys were found: " + keys);
        Set<String> pages = keysIn(WEB, PAGE_KEY);
        assertTrue(pages.containsAll(List.of("api.keys.title", "api.keys.made", "api.limits.saved")),
                "the pages' keys were found: " + pages);
        pages.removeIf(key -> key.endsWith("."));
        keys.addAll(pages);
        for (ApiScope scope : ApiScope.values()) {
            keys.add("api.scope." + scope.name());
        }
        for (String status : List.of("ACTIVE", "REVOKED", "EXPIRED")) {
            keys.add("api.keys.status." + status);
        }
        for (String field : List.of("scopes", "allowedAddresses", "expiresAt", "perMinute", "burst")) {
            keys.add("field." + field);
        }
        for (String language : new String[] {"en", "ru"}) {
            Properties wording = load(language);
            for (String key : keys) {
                assertTrue(wording.getProperty(key, "").length() > 1, key + " is worded in " + language);
            }
        }
    }

    private static Set<String> keysIn(Path root, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            // the API's resources quote JSON and paths, not wording: their refusals are the services'
            for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".xhtml"))
                    .filter(f -> !f.toString().contains("/web/api/")).toList()) {
                Matcher key = pattern.matcher(Files.readString(file));
                while (key.find()) {
                    keys.add(key.group(1));
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
