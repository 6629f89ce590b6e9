package io.marque.portal.billing.order;

public enum ServiceStatus {
    ACTIVE,
    /** An invoice for it is overdue past the suspension step. */
    SUSPENDED,
    TERMINATED
}
