package io.marque.portal.server;

/** Where a server stands in its service life. */
public enum ServerStatus {
    /** In service (or in the provider's pool, ready for a reseller). */
    ACTIVE,
    /** Power-on and reinstall are blocked for the customer and the reseller until lifted. */
    SUSPENDED,
    /** Withdrawn by the provider: no longer anyone's, kept for the record until returned to the pool. */
    TERMINATED
}
