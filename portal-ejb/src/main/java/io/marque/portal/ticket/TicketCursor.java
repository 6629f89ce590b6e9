package io.marque.portal.ticket;

import java.time.Instant;
import java.util.Optional;

/**
 * A keyset position in a ticket list, as it travels in a URL: {@code <due millis>.<id>} for lists
 * sorted by due time, {@code <id>} for lists sorted newest first. Anything else reads as "from the
 * start", so a mangled URL shows the first page instead of an error.
 */
public record TicketCursor(Instant due, long id) {

    public static String of(TicketSummary last, boolean byDue) {
        return byDue ? last.queueDue().toEpochMilli() + "." + last.id() : String.valueOf(last.id());
    }

    public static Optional<TicketCursor> parse(String text, boolean byDue) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return Optional.empty();
        }
        try {
            if (!byDue) {
                return Optional.of(new TicketCursor(null, Long.parseLong(text)));
            }
            int dot = text.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            return Optional.of(new TicketCursor(Instant.ofEpochMilli(Long.parseLong(text.substring(0, dot))),
                    Long.parseLong(text.substring(dot + 1))));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
