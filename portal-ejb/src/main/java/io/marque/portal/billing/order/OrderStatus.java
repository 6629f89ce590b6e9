package io.marque.portal.billing.order;

/** pending → paid → provisioned, or cancelled while pending. */
public enum OrderStatus {
    PENDING,
    /** The customer's invoice is paid; a server is being found in the provider's pool. */
    PAID,
    /** A server is assigned to the customer and the service runs. */
    PROVISIONED,
    CANCELLED
}
