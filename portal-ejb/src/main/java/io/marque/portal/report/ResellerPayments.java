package io.marque.portal.report;

/** How one reseller pays the provider in one currency: its wholesale invoices paid, due and overdue. */
public record ResellerPayments(long tenantId, String reseller, PaymentStatus status) {
}
