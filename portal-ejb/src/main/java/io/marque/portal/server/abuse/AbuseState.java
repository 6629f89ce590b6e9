package io.marque.portal.server.abuse;

/** An abuse report's life. */
public enum AbuseState {
    /** Waiting for the reseller, before the deadline. */
    OPEN,
    /** The reseller resolved it in time. */
    RESOLVED,
    /** The deadline passed unresolved: the server is suspended. */
    SUSPENDED,
    /** The provider ended the service. */
    TERMINATED,
    /** The provider withdrew the report. */
    WITHDRAWN;

    /** Whether the reseller can still answer or resolve it. */
    public boolean isOpen() {
        return this == OPEN || this == SUSPENDED;
    }
}
