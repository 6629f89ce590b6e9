package io.marque.portal.billing.account;

import io.marque.portal.billing.Money;
import java.time.Instant;
import java.util.List;

/** A balance with its recent movements and its payments waiting for confirmation. */
public record BalanceView(long accountId, Money balance, List<Movement> movements, List<PaymentView> payments) {

    public record Movement(Instant at, LedgerKind kind, Money amount, Money balanceAfter, String note) {
    }

    public record PaymentView(long id, String holder, String method, Money amount, String reference, PaymentStatus status,
            Instant createdAt) {
    }
}
