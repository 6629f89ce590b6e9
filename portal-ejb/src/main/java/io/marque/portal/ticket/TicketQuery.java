package io.marque.portal.ticket;

import java.time.Instant;
import java.util.Set;

/**
 * What a ticket list asks for. Built by the desks from an actor's request, never from a request alone:
 * {@code tenantId} is always the actor's own (or, for the provider's escalation queue, null together
 * with {@code escalatedOnly}).
 *
 * @param statuses    empty for any status
 * @param search      words to find in subjects and in the messages the viewer may read
 * @param byDue       sort by when the reseller must act (breached first), else newest first
 * @param cursor      where the previous page ended ({@link TicketCursor}), or null for the first page
 */
public record TicketQuery(Viewer viewer, Long tenantId, Long customerId, Long assigneeId, boolean unassigned,
        boolean escalatedOnly, Instant dueBefore, Long departmentId, Set<TicketStatus> statuses, Priority priority,
        String tag, String search, boolean byDue, String cursor, int limit) {
}
