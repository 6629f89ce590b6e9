package io.marque.portal.billing.account;

/** Why a balance changed; the sign of the amount follows from it. */
public enum LedgerKind {
    /** Funds added through a payment method (+). */
    DEPOSIT,
    /** An invoice paid from the balance (−). For a reseller's account these payments are its turnover. */
    INVOICE_PAYMENT,
    /** A credit note put back on the balance (+). */
    CREDIT,
    /** Funds paid back out of the balance to the holder (−). */
    REFUND
}
