package io.marque.portal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.server.abuse.AbuseState;
import io.marque.portal.server.driver.PowerState;
import io.marque.portal.server.job.JobAction;
import io.marque.portal.server.job.JobState;
import io.marque.portal.server.traffic.TrafficRange;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every word the server pages show a customer, a reseller's staff or the provider's staff from a service
 * is worded in English and Russian: the refusals and job failures the services give (including the driver stages a job
 * reports, found in the sources so a new driver's stages are checked too), and the names of actions,
 * states, statuses and ranges the pages look up by enum value. Also: the two base bundles have the same
 * keys, each once, so no page shows a raw key in one language.
 */
class ServerMessagesTest {

    /** Every source of the server package and its sub-packages: services, CSV reader, jobs and drivers. */
    private static final List<String> SOURCES = List.of("");
    private static final Pattern KEY = Pattern.compile(
            "\"((?:server\\.(?:error|stage|import|rdns|template\\.code|traffic\\.port)|abuse\\.error)\\.[A-Za-z-]+)\"");
    private static final Path BASE = Path.of("../themes/src/main/resources/themes/base");

    @Test
    void everyServerWordThePagesShowIsWordedInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>(keysInSources());
        assertTrue(keys.containsAll(List.of("server.error.busy", "server.error.suspended", "server.stage.installing",
                "server.error.unreachable", "server.traffic.port.invalid-host")), "the sources' keys were found: " + keys);
        keys.addAll(List.of("server.rdns.unavailable", "server.rdns.required", "server.rdns.too-long",
                "server.rdns.not-qualified", "server.rdns.invalid", "abuse.error.closed",
                // stages a driver may report while reinstalling
                "server.stage.restarting", "server.stage.installer-started"));
        for (JobAction action : JobAction.values()) {
            keys.add("server.job.action." + action);
        }
        for (JobState state : JobState.values()) {
            keys.add("server.job.state." + state);
        }
        for (ServerStatus status : ServerStatus.values()) {
            keys.add("server.status." + status);
        }
        for (PowerState state : PowerState.values()) {
            keys.add("server.power." + state);
        }
        for (TrafficRange range : TrafficRange.values()) {
            keys.add("server.traffic.range." + range);
        }
        for (AbuseState state : AbuseState.values()) {
            keys.add("abuse.state." + state);
        }
        for (String requester : List.of("you", "support", "provider", "system", "customer")) {
            keys.add("server.requester." + requester);
        }
        for (String language : new String[] {"en", "ru"}) {
            Properties wording = load(language);
            for (String key : keys) {
                assertTrue(wording.getProperty(key, "").length() > 1, key + " is worded in " + language);
            }
        }
    }

    @Test
    void theBaseBundlesHaveTheSameKeysEachOnce() throws IOException {
        List<String> english = keysOf("en");
        List<String> russian = keysOf("ru");
        assertEquals(List.of(), duplicates(english), "keys given twice in English");
        assertEquals(List.of(), duplicates(russian), "keys given twice in Russian");
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(russian);
        Set<String> onlyRussian = new TreeSet<>(russian);
        onlyRussian.removeAll(english);
        assertEquals(Set.of(), onlyEnglish, "keys without Russian wording");
        assertEquals(Set.of(), onlyRussian, "keys without English wording");
    }

    private static Set<String> keysInSources() throws IOException {
        Path root = Path.of("src/main/java/io/marque/portal/server");
        Set<String> keys = new TreeSet<>();
        for (String source : SOURCES) {
            try (Stream<Path> files = Files.walk(root.resolve(source))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher key = KEY.matcher(Files.readString(file));
                    while (key.find()) {
                        keys.add(key.group(1));
                    }
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

    /** The keys in the order the file gives them, repeats included (Properties would hide them). */
    private static List<String> keysOf(String language) throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(BASE.resolve("messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            int end = 0;
            while (end < trimmed.length() && "=: \t".indexOf(trimmed.charAt(end)) < 0) {
                end++;
            }
            keys.add(trimmed.substring(0, end));
        }
        return keys;
    }

    private static List<String> duplicates(List<String> keys) {
        Set<String> seen = new TreeSet<>();
        return keys.stream().filter(k -> !seen.add(k)).distinct().toList();
    }
}
