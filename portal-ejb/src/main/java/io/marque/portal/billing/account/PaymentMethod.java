package io.marque.portal.billing.account;

/**
 * A way to add funds to a balance: the payment-gateway SPI. A method opens a {@link Payment} and says
 * what the payer must do; the payment is credited only when confirmed — by staff for a bank transfer,
 * by the gateway's callback for a card gateway (none ships: no real gateway is reachable here). An
 * implementation is a CDI bean; {@link Accounts} finds it by {@link #name()}.
 */
public interface PaymentMethod {

    /** Stable identifier stored on the payment, e.g. {@code bank-transfer}. */
    String name();

    /** Whether staff confirm payments of this method by hand (a gateway confirms its own). */
    boolean confirmedByStaff();

    /**
     * What the payer is told after asking to add funds.
     *
     * @param bankDetails the payee's bank details from its billing settings, or {@code null}
     */
    Instructions begin(Payment payment, String bankDetails);

    /** Plain text the page shows; the reference must appear on the transfer so staff can match it. */
    record Instructions(String reference, String payeeDetails) {
    }
}
