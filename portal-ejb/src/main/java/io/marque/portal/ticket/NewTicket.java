package io.marque.portal.ticket;

/** What a customer fills in to open a ticket. */
public record NewTicket(Long departmentId, String subject, String body, Priority priority, String relatedService) {
}
