package io.marque.portal.ticket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A list position in a URL: what a page hands out reads back as the same position, and anything else
 * reads as "from the start" without an error.
 */
class TicketCursorTest {

    private static TicketSummary summary(long id, Instant queueDue) {
        return new TicketSummary(id, 1042, "Server does not boot", TicketStatus.OPEN, Priority.NORMAL, "Support",
                "Ada", false, null, Instant.EPOCH, queueDue, SlaState.ON_TIME, EscalationState.NONE, Set.of(), null);
    }

    // --- round trips ----------------------------------------------------------------------------

    @Test
    void aDueCursorReadsBackAsTheSameDueAndId() {
        Instant due = Instant.parse("2026-11-03T14:00:00.123Z");
        String cursor = TicketCursor.of(summary(4711, due), true);
        assertEquals(due.toEpochMilli() * 1000 + ".4711", cursor, "microseconds since 1970, then the id");
        assertEquals(Optional.of(new TicketCursor(due, 4711)), TicketCursor.parse(cursor, true));
    }

    @Test
    void aDueCursorKeepsTheWholeDueTime() {
        Instant due = Instant.parse("2026-11-03T14:00:00.123456Z");
        assertEquals(Optional.of(new TicketCursor(due, 4711)), TicketCursor.parse(TicketCursor.of(summary(4711, due), true), true));
    }

    @Test
    void aNotDueTicketMakesACursorToo() {
        String cursor = TicketCursor.of(summary(9, Ticket.NOT_DUE), true);
        assertEquals(Optional.of(new TicketCursor(Ticket.NOT_DUE, 9)), TicketCursor.parse(cursor, true));
    }

    @Test
    void dueTimesBefore1970RoundTrip() {
        Instant due = Instant.parse("1969-12-31T23:59:58.500Z");
        assertEquals(Optional.of(new TicketCursor(due, 3)), TicketCursor.parse(TicketCursor.of(summary(3, due), true), true));
    }

    @Test
    void aNewestFirstCursorIsTheIdAlone() {
        String cursor = TicketCursor.of(summary(4711, Instant.parse("2026-11-03T14:00:00Z")), false);
        assertEquals("4711", cursor);
        assertEquals(Optional.of(new TicketCursor(null, 4711)), TicketCursor.parse(cursor, false));
    }

    @Test
    void theLargestIdsRoundTrip() {
        String byId = TicketCursor.of(summary(Long.MAX_VALUE, Ticket.NOT_DUE), false);
        assertEquals(Optional.of(new TicketCursor(null, Long.MAX_VALUE)), TicketCursor.parse(byId, false));
        String byDue = TicketCursor.of(summary(Long.MAX_VALUE, Ticket.NOT_DUE), true);
        assertEquals(Optional.of(new TicketCursor(Ticket.NOT_DUE, Long.MAX_VALUE)), TicketCursor.parse(byDue, true));
    }

    @Test
    void fortyCharactersAreStillRead() {
        String text = "1" + "0".repeat(18) + "." + "1" + "0".repeat(18) + "0";
        assertEquals(40, text.length());
        assertEquals(Optional.empty(), TicketCursor.parse(text, true), "the id overflows a long");
        String fits = "9223372036854775807.9223372036854775807";
        assertEquals(39, fits.length());
        assertEquals(Optional.of(new TicketCursor(Instant.ofEpochSecond(Long.MAX_VALUE / 1_000_000,
                Long.MAX_VALUE % 1_000_000 * 1000), Long.MAX_VALUE)), TicketCursor.parse(fits, true), "microseconds");
    }

    // --- anything else --------------------------------------------------------------------------

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "abc", ".", "12.", ".12", "1.2.3", "12..3", "1e5.3", "0x10.2", "12.abc",
        "12 .3", "12.3 ", "99999999999999999999.1", "1.99999999999999999999", "4711", "--1.2", "1.2;drop table ticket"})
    void aMangledDueCursorStartsFromTheBeginning(String text) {
        assertEquals(Optional.empty(), TicketCursor.parse(text, true));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "abc", "1.5", "4711.12", "12 ", "0x10", "99999999999999999999", "1e3", "4711;"})
    void aMangledNewestFirstCursorStartsFromTheBeginning(String text) {
        assertEquals(Optional.empty(), TicketCursor.parse(text, false));
    }

    @Test
    void overlongCursorsAreNotReadAtAll() {
        String overlong = "0".repeat(30) + "1." + "0".repeat(8) + "1";
        assertEquals(41, overlong.length());
        assertEquals(Optional.empty(), TicketCursor.parse(overlong, true));
        assertEquals(Optional.empty(), TicketCursor.parse("0".repeat(40) + "1", false));
        assertEquals(Optional.empty(), TicketCursor.parse("1".repeat(100_000), false));
        // the same digits within 40 characters would be read
        assertEquals(Optional.of(new TicketCursor(null, 1)), TicketCursor.parse("0".repeat(39) + "1", false));
    }

    @Test
    void neverThrows() {
        Random random = new Random(20261103);
        String alphabet = "0123456789.-+ eE x,;:/\u0660\u0661\uff11\u0000\ud83d\ude00";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(45);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString();
            assertDoesNotThrow(() -> TicketCursor.parse(candidate, true), candidate);
            assertDoesNotThrow(() -> TicketCursor.parse(candidate, false), candidate);
        }
    }
}
