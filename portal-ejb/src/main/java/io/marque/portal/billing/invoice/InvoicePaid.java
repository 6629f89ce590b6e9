package io.marque.portal.billing.invoice;

/**
 * Fired in the transaction that paid an invoice, so what hangs on the payment (provisioning an order,
 * lifting a dunning suspension) happens with it or not at all.
 */
public record InvoicePaid(long invoiceId, long tenantId, InvoiceKind kind) {
}
