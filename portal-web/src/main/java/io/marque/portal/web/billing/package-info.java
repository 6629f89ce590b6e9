/**
 * Billing pages of the three areas: the customer's balance and invoices, the reseller's prices, orders,
 * invoices and customers' balances, and the invoice PDF download. Thin beans over {@code billing} services.
 */
package io.marque.portal.web.billing;
