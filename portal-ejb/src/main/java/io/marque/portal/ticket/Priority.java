package io.marque.portal.ticket;

/** How urgent a ticket is; each reseller sets SLA targets per priority. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
