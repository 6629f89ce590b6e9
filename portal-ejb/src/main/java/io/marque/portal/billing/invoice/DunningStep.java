package io.marque.portal.billing.invoice;

/** The steps an unpaid invoice goes through, in order; each is taken once, audited and mailed. */
public enum DunningStep {
    NONE,
    /** Shortly before the due date. */
    REMINDED,
    /** The day after the due date. */
    OVERDUE,
    /** The late fee was added. */
    LATE_FEE,
    /** The services on the invoice were suspended. */
    SUSPENDED,
    /** The services on the invoice were terminated, 7 days after the due date. */
    TERMINATED
}
