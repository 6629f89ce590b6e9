package io.marque.portal.ticket;

/** Which side wrote a message. */
public enum AuthorKind {
    CUSTOMER,
    RESELLER,
    PROVIDER,
    /** the portal itself: merges, status notes */
    SYSTEM
}
