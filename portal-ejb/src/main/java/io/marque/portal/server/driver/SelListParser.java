package io.marque.portal.server.driver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads {@code sel elist}: one event a line, oldest first,
 * {@code id | date | time | sensor | event | direction [| detail]}, e.g.
 * {@code    1 | 04/12/2026 | 09:12:44 | Temperature CPU Temp | Upper Critical going high | Asserted}.
 * Before the BMC's clock is set the date reads {@code Pre-Init} and the time is a count of seconds.
 * An empty log prints nothing on standard output ({@code SEL has no entries} goes to standard error).
 * The event, its direction and any detail (e.g. {@code Reading 90 > Threshold 90 degrees C}) make
 * the description, joined by commas. A record without time or sensor ({@code    3 | Linux kernel
 * panic: …}) keeps only its text.
 */
final class SelListParser {

    private static final int FULL_FIELDS = 5;

    private SelListParser() {
    }

    static List<EventLogEntry> parse(String stdout) {
        List<EventLogEntry> entries = new ArrayList<>();
        for (String line : stdout.split("\\R")) {
            String[] fields = Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new);
            if (fields.length < 2 || fields[0].isEmpty()) {
                continue;
            }
            if (fields.length < FULL_FIELDS) {
                entries.add(new EventLogEntry(fields[0], "", "", joined(fields, 1)));
            } else {
                entries.add(new EventLogEntry(fields[0], (fields[1] + " " + fields[2]).strip(), fields[3], joined(fields, 4)));
            }
        }
        return entries;
    }

    private static String joined(String[] fields, int from) {
        return Arrays.stream(fields, from, fields.length).filter(field -> !field.isEmpty())
                .collect(Collectors.joining(", "));
    }
}
