package io.marque.portal.ticket;

/**
 * Whether the provider has the ticket. The provider sees a ticket only while it is {@link #OPEN}: a
 * reseller that takes a ticket back, or gets it back resolved, stops sharing it.
 */
public enum EscalationState {
    NONE,
    OPEN,
    RETURNED
}
