package io.marque.portal.server;

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
 * Every refusal the provider's server pages can show from the inventory, the CSV import, the OS
 * templates and the abuse desk is worded in English and Russian, so no admin reads a message key.
 */
class ProviderServerMessagesTest {

    private static final Pattern KEY = Pattern.compile("\"(server\\.import\\.[a-z-]+|server\\.template\\.code\\.[a-z]+"
            + "|server\\.error\\.(?:addressTaken|reseller|notTerminated)|abuse\\.error\\.(?:notAssigned|deadline))\"");

    @Test
    void everyKeyIsWordedInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String source : new String[] {"ServerRules", "ServerCsv", "ServerInventory", "OsTemplates", "abuse/AbuseDesk"}) {
            Matcher key = KEY.matcher(Files.readString(Path.of("src/main/java/io/marque/portal/server/" + source + ".java")));
            while (key.find()) {
                keys.add(key.group(1));
            }
        }
        assertTrue(keys.size() >= 18, "the services' keys were found: " + keys);
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
