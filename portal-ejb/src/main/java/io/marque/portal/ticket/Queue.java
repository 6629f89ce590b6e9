package io.marque.portal.ticket;

/** The reseller's ticket queues. */
public enum Queue {
    /** every ticket that is not resolved or closed */
    ALL,
    /** assigned to the reader */
    MINE,
    UNASSIGNED,
    /** with the provider now */
    ESCALATED,
    /** past the SLA */
    OVERDUE
}
