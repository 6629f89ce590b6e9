package io.marque.portal.ticket;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * One line of a ticket list, as the reader may see it: {@code customer} is a name for the customer's
 * own reseller and a pseudonym for the provider unless the reseller shared it ({@code pseudonymous});
 * {@code reseller} is filled in for the provider only.
 */
public record TicketSummary(long id, long number, String subject, TicketStatus status, Priority priority,
        String department, String customer, boolean pseudonymous, String assignee, Instant updatedAt,
        Instant queueDue, SlaState sla, EscalationState escalation, Set<String> tags, String reseller)
        implements Serializable {
}
