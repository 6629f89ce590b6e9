package io.marque.portal.api.webhook;

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
 * Every word of the webhooks page and every refusal of the service is worded in English and Russian:
 * the keys found in the service's sources, the page and its bean, and the ones the page builds from an
 * event's or a delivery status's name.
 */
class WebhookMessagesTest {

    private static final Path BASE = Path.of("../themes/src/main/resources/themes/base");
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java/io/marque/portal/api/webhook"),
            Path.of("../portal-web/src/main/java/io/marque/portal/web/reseller/WebhookSettings.java"),
            Path.of("../portal-web/src/main/webapp/reseller/webhooks.xhtml"));
    private static final Pattern KEY = Pattern.compile("[\"']((?:webhooks|field|action|nav)\\.[A-Za-z.]+)[\"']");

    @Test
    void everyWebhookWordIsWordedInBothLanguages() throws IOException {
        Set<String> keys = keysInSources();
        assertTrue(keys.containsAll(List.of("webhooks.error.events", "webhooks.error.private", "webhooks.done.created",
                "webhooks.secretOnce", "field.url")), "the sources' keys were found: " + keys);
        keys.add("nav.webhooks");
        keys.add("webhooks.title");
        for (WebhookEvent event : WebhookEvent.values()) {
            keys.add("webhooks.event." + event.wireName());
        }
        for (WebhookDelivery.Status status : WebhookDelivery.Status.values()) {
            keys.add("webhooks.status." + status);
        }
        for (WebhookTarget.Refusal refusal : WebhookTarget.Refusal.values()) {
            keys.add(refusal.messageKey());
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
        for (Path source : SOURCES) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher key = KEY.matcher(Files.readString(file));
                    while (key.find()) {
                        if (!key.group(1).endsWith(".")) {
                            keys.add(key.group(1));
                        }
                    }
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
