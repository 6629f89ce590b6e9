package io.marque.portal.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How a ticket moves: the status a new message leaves it in, and when the reseller must act next.
 * Plain rules, so every combination is tested without a server.
 */
public final class TicketFlow {

    private TicketFlow() {
    }

    /**
     * The status after a message.
     *
     * <ul>
     * <li>notes change nothing;</li>
     * <li>a customer's message waits for the reseller, or for the provider while it has the ticket and
     * may answer the customer; a first message keeps a new ticket {@code OPEN};</li>
     * <li>an answer to the customer (reseller or provider) waits for the customer;</li>
     * <li>in the escalation thread, each side's message waits for the other.</li>
     * </ul>
     */
    public static TicketStatus afterMessage(TicketStatus current, EscalationState escalation, boolean providerMayReply,
            Viewer author, Visibility visibility) {
        if (visibility == Visibility.RESELLER_NOTE || visibility == Visibility.PROVIDER_NOTE) {
            return current;
        }
        if (visibility == Visibility.ESCALATION) {
            return author == Viewer.PROVIDER ? TicketStatus.AWAITING_RESELLER : TicketStatus.AWAITING_PROVIDER;
        }
        if (author != Viewer.CUSTOMER) {
            return TicketStatus.AWAITING_CUSTOMER;
        }
        if (escalation == EscalationState.OPEN) {
            return providerMayReply ? TicketStatus.AWAITING_PROVIDER : TicketStatus.AWAITING_RESELLER;
        }
        return current == TicketStatus.OPEN ? TicketStatus.OPEN : TicketStatus.AWAITING_RESELLER;
    }

    /** Whether a message is the first answer the SLA's first-response clock waits for. */
    public static boolean isFirstResponse(Ticket ticket, Viewer author, Visibility visibility) {
        return ticket.getFirstResponseAt() == null && author != Viewer.CUSTOMER && visibility == Visibility.PUBLIC;
    }

    /**
     * When the reseller must act next: the first-response due time until the first answer, then the
     * resolution due time, while the ticket waits on the reseller's side; otherwise {@link Ticket#NOT_DUE}.
     */
    public static Instant queueDue(Ticket ticket) {
        if (!TicketStatus.ACTIVE.contains(ticket.getStatus())) {
            return Ticket.NOT_DUE;
        }
        Instant due = ticket.getFirstResponseAt() == null ? ticket.getFirstResponseDue() : ticket.getResolutionDue();
        // the database keeps microseconds; so do keyset cursors (TicketCursor)
        return due == null ? Ticket.NOT_DUE : due.truncatedTo(ChronoUnit.MICROS);
    }
}
