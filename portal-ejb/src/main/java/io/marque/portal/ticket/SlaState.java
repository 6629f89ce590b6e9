package io.marque.portal.ticket;

import java.time.Duration;
import java.time.Instant;

/** How a ticket stands against the reseller's SLA, for flags and sorting. */
public enum SlaState {
    /** nobody on the reseller's side owes an answer */
    NONE,
    ON_TIME,
    /** due within {@link #SOON} */
    DUE_SOON,
    BREACHED;

    /** How close a due time must be to be flagged as soon due. */
    public static final Duration SOON = Duration.ofHours(1);

    public static SlaState of(Instant queueDue, Instant now) {
        if (queueDue == null || !queueDue.isBefore(Ticket.NOT_DUE)) {
            return NONE;
        }
        if (!now.isBefore(queueDue)) {
            return BREACHED;
        }
        return now.plus(SOON).isBefore(queueDue) ? ON_TIME : DUE_SOON;
    }
}
