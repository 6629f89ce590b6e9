package io.marque.portal.tenant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every refusal the custom-CSS and logo checks can give is a message key worded in English and
 * Russian, so an admin reads it in its own language.
 */
class PolicyMessagesTest {

    private static final Pattern KEY = Pattern.compile("\"(error\\.(?:css|logo)\\.[A-Za-z]+)\"");

    @Test
    void everyPolicyKeyIsWordedInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String policy : new String[] {"CustomCssPolicy", "LogoPolicy"}) {
            Matcher key = KEY.matcher(Files.readString(Path.of("src/main/java/io/marque/portal/tenant/" + policy + ".java")));
            while (key.find()) {
                keys.add(key.group(1));
            }
        }
        assertTrue(keys.size() >= 20, "the policies' keys were found: " + keys);
        // the tests run in portal-ejb; the bundles live in the sibling themes module
        Path base = Path.of("../themes/src/main/resources/themes/base");
        for (String language : new String[] {"en", "ru"}) {
            Properties wording = new Properties();
            try (Reader in = Files.newBufferedReader(base.resolve("messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
                wording.load(in);
            }
            for (String key : keys) {
                assertTrue(wording.getProperty(key, "").length() > 5, key + " is worded in " + language);
            }
        }
    }
}
