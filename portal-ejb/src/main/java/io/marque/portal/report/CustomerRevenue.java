package io.marque.portal.report;

import io.marque.portal.billing.Money;

/**
 * What one customer paid a reseller over a dashboard's window, in one currency: its paid invoices less
 * its credit notes. Only the reseller's own dashboard has these; the provider's never does (law 3).
 */
public record CustomerRevenue(long customerId, String name, String company, Money revenue) {
}
