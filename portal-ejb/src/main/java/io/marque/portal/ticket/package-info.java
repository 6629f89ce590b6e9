/**
 * Tickets: a customer's question to its reseller, with its messages, attachments and escalation to the
 * provider. {@link io.marque.portal.ticket.Ticket} is the aggregate root; who may read or write which
 * message is decided in one place, {@link io.marque.portal.ticket.VisibilityPolicy}.
 */
package io.marque.portal.ticket;
