package io.marque.portal.ticket;

import java.time.Instant;
import java.util.Optional;

/**
 * A keyset position in a ticket list, as it travels in a URL: {@code <due in microseconds since
 * 1970>.<id>} for lists sorted by due time, {@code <id>} for lists sorted newest first. Microseconds,
 * because that is what the database keeps of a due time: a coarser cursor would fetch the last row of
 * a page again. Anything else reads as "from the start", so a mangled URL shows the first page
 * instead of an error.
 */
public record TicketCursor(Instant due, long id) {

    private static final long MICROS = 1_000_000;

    public static String of(TicketSummary last, boolean byDue) {
        if (!byDue) {
            return String.valueOf(last.id());
        }
        Instant due = last.queueDue();
        return Math.addExact(Math.multiplyExact(due.getEpochSecond(), MICROS), due.getNano() / 1000) + "." + last.id();
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
            long micros = Long.parseLong(text.substring(0, dot));
            return Optional.of(new TicketCursor(Instant.ofEpochSecond(Math.floorDiv(micros, MICROS),
                    Math.floorMod(micros, MICROS) * 1000),
                    Long.parseLong(text.substring(dot + 1))));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
