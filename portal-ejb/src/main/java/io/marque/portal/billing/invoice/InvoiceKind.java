package io.marque.portal.billing.invoice;

/** Which way an invoice goes; every invoice's tenant is the reseller whose business it is. */
public enum InvoiceKind {
    /** Reseller → customer, at the reseller's prices, numbering, tax and brand. */
    CUSTOMER,
    /** Provider → reseller, at wholesale: an order's first period, or a month's consolidated renewals. */
    WHOLESALE,
    /** Reseller → customer: money of a paid invoice given back to the customer's balance (negative amounts). */
    CREDIT_NOTE
}
