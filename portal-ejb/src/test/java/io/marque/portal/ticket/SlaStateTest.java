package io.marque.portal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How a ticket stands against its due time: none, on time, due within the hour, or breached. */
class SlaStateTest {

    private static final Instant DUE = Instant.parse("2026-11-03T14:00:00Z");

    @Test
    void soonIsOneHour() {
        assertEquals(Duration.ofHours(1), SlaState.SOON);
    }

    @Test
    void aTicketThatIsNotDueHasNoState() {
        assertEquals(SlaState.NONE, SlaState.of(null, DUE));
        assertEquals(SlaState.NONE, SlaState.of(Ticket.NOT_DUE, DUE));
        assertEquals(SlaState.NONE, SlaState.of(Instant.MAX, DUE));
        // however late it is
        assertEquals(SlaState.NONE, SlaState.of(Ticket.NOT_DUE, Ticket.NOT_DUE.plusSeconds(1)));
    }

    @Test
    void theLastRealDueTimeBeforeNotDueStillCounts() {
        Instant last = Ticket.NOT_DUE.minusNanos(1);
        assertEquals(SlaState.BREACHED, SlaState.of(last, last));
        assertEquals(SlaState.ON_TIME, SlaState.of(last, DUE));
    }

    @Test
    void breachedAtAndAfterTheDueTime() {
        assertEquals(SlaState.BREACHED, SlaState.of(DUE, DUE));
        assertEquals(SlaState.BREACHED, SlaState.of(DUE, DUE.plusNanos(1)));
        assertEquals(SlaState.BREACHED, SlaState.of(DUE, DUE.plus(Duration.ofDays(30))));
    }

    @Test
    void dueSoonWithinTheLastHour() {
        assertEquals(SlaState.DUE_SOON, SlaState.of(DUE, DUE.minusNanos(1)));
        assertEquals(SlaState.DUE_SOON, SlaState.of(DUE, DUE.minusSeconds(59)));
        assertEquals(SlaState.DUE_SOON, SlaState.of(DUE, DUE.minus(Duration.ofMinutes(30))));
        assertEquals(SlaState.DUE_SOON, SlaState.of(DUE, DUE.minus(Duration.ofHours(1))), "exactly an hour is soon");
    }

    @Test
    void onTimeBeforeThat() {
        assertEquals(SlaState.ON_TIME, SlaState.of(DUE, DUE.minus(Duration.ofHours(1)).minusNanos(1)));
        assertEquals(SlaState.ON_TIME, SlaState.of(DUE, DUE.minus(Duration.ofHours(2))));
        assertEquals(SlaState.ON_TIME, SlaState.of(DUE, DUE.minus(Duration.ofDays(3))));
    }
}
