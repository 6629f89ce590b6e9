package io.marque.portal.billing;

import io.marque.portal.platform.InvalidInputException;

/** An amount typed into a form: refused with a clear message, never rounded or guessed. */
public final class MoneyField {

    private MoneyField() {
    }

    /** @throws InvalidInputException on {@code field} unless {@code text} is an amount of zero or more in {@code currency} */
    public static Money of(String field, String text, String currency) {
        try {
            return Money.parse(text, currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, Money.digits(currency) == 0 ? "billing.error.amountWhole" : "billing.error.amount");
        }
    }

    /** As {@link #of}, and more than zero. */
    public static Money positive(String field, String text, String currency) {
        Money money = of(field, text, currency);
        if (money.signum() <= 0) {
            throw new InvalidInputException(field, "billing.error.amountPositive");
        }
        return money;
    }
}
