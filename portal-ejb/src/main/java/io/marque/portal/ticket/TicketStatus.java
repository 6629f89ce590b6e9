package io.marque.portal.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket stands. The escalation states ({@link #ESCALATED}, {@link #AWAITING_PROVIDER}) are
 * entered only through an escalation, never set by hand.
 */
public enum TicketStatus {
    OPEN,
    AWAITING_CUSTOMER,
    AWAITING_RESELLER,
    ESCALATED,
    AWAITING_PROVIDER,
    RESOLVED,
    CLOSED;

    /** States a reseller agent may set from the ticket page. */
    public static final Set<TicketStatus> SETTABLE = EnumSet.of(OPEN, AWAITING_CUSTOMER, AWAITING_RESELLER, RESOLVED,
            CLOSED);

    /** States in which the reseller side (or the provider for it) owes the next move. */
    public static final Set<TicketStatus> ACTIVE = EnumSet.of(OPEN, AWAITING_RESELLER, ESCALATED, AWAITING_PROVIDER);

    public boolean isFinished() {
        return this == RESOLVED || this == CLOSED;
    }
}
