package io.marque.portal.billing.account;

/** A payment is pending until staff (bank transfer) or the gateway confirm it; only then is the balance credited. */
public enum PaymentStatus {
    PENDING,
    CONFIRMED,
    REJECTED
}
