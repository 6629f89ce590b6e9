package io.marque.portal.ticket;

/**
 * Fired in the transaction that added a PUBLIC message to a ticket (a reply the customer sees, from either
 * side), never for notes or the escalation thread; observers write what hangs on it with the message.
 */
public record TicketReplied(long tenantId, long ticketId, long number, long messageId, AuthorKind author, TicketStatus status) {
}
