package io.marque.portal.billing.order;

/**
 * Fired in the transaction that placed, paid, provisioned or cancelled an order, so what hangs on it
 * (a webhook delivery in the outbox) commits with the change or not at all.
 */
public record OrderStatusChanged(long orderId, long tenantId, long customerId, OrderStatus status, Long invoiceId) {
}
