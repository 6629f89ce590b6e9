package io.marque.portal.billing.invoice;

public enum InvoiceStatus {
    ISSUED,
    PAID,
    /** Cancelled before it was paid (the order was cancelled); kept, with its number, for the record. */
    VOID
}
