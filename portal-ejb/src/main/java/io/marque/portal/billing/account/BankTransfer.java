package io.marque.portal.billing.account;

import jakarta.enterprise.context.ApplicationScoped;

/** Funds sent by bank transfer quoting the payment's reference; staff confirm them when they arrive. */
@ApplicationScoped
public class BankTransfer implements PaymentMethod {

    public static final String NAME = "bank-transfer";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean confirmedByStaff() {
        return true;
    }

    @Override
    public Instructions begin(Payment payment, String bankDetails) {
        return new Instructions(payment.getReference(), bankDetails);
    }
}
