package io.marque.portal.report;

import io.marque.portal.billing.Money;
import java.util.List;

/**
 * Amounts of one currency, one per month of a {@link Months} window, oldest first; a month without any
 * is zero. A dashboard shows one series per currency and never adds two of them.
 */
public record MonthlySeries(String currency, List<Money> amounts) {

    public MonthlySeries {
        currency = Money.code(currency);
        amounts = List.copyOf(amounts);
        for (Money amount : amounts) {
            if (!amount.currency().equals(currency)) {
                throw new Money.CurrencyMismatchException(currency, amount.currency());
            }
        }
    }

    /** The sum over the window. */
    public Money total() {
        return amounts.stream().reduce(Money.zero(currency), Money::plus);
    }

    /** The amount of the month at {@code index} in the window. */
    public Money at(int index) {
        return amounts.get(index);
    }
}
