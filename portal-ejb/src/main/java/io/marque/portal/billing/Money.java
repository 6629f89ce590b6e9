package io.marque.portal.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one currency (law 6). The amount always carries the currency's minor unit as its
 * scale (cents; none for JPY); arithmetic refuses to mix two currencies, and nothing rounds except
 * {@link #percent}, which rounds half up once.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    /** Largest amount accepted from a person: numeric(19, 4) holds more, but no invoice needs it. */
    public static final BigDecimal MAX_INPUT = new BigDecimal("1000000000");

    public Money {
        Objects.requireNonNull(amount, "amount");
        currency = code(currency);
        amount = scaled(amount, currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The currency's code, checked: an unknown code is a programming or data error, not input. */
    public static String code(String currency) {
        return Currency.getInstance(Objects.requireNonNull(currency, "currency")).getCurrencyCode();
    }

    public static int digits(String currency) {
        return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }

    /**
     * The amount at the currency's scale. Used on amounts read back from the database (stored with four
     * decimals); an amount with a non-zero digit below the minor unit is refused, not rounded.
     */
    public static BigDecimal scaled(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        try {
            return amount.setScale(digits(currency), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(amount.toPlainString() + " has more decimals than " + currency + " allows", e);
        }
    }

    /**
     * Reads an amount typed by a person: digits with at most the currency's decimals, a dot or comma as
     * separator, zero or more and at most {@link #MAX_INPUT}.
     *
     * @throws IllegalArgumentException when the text is not such an amount
     */
    public static Money parse(String text, String currency) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty");
        }
        String plain = text.strip().replace(',', '.');
        if (!plain.matches("\\d{1,10}(\\.\\d{1,4})?")) {
            throw new IllegalArgumentException("not an amount: " + text);
        }
        BigDecimal value = new BigDecimal(plain);
        if (value.compareTo(MAX_INPUT) > 0) {
            throw new IllegalArgumentException("too large: " + text);
        }
        return new Money(value, currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /** {@code percent}% of this amount, rounded half up once to the minor unit. */
    public Money percent(BigDecimal percent) {
        BigDecimal exact = amount.multiply(percent).divide(BigDecimal.valueOf(100));
        return new Money(exact.setScale(digits(currency), RoundingMode.HALF_UP), currency);
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(same(other).amount);
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
        return other;
    }

    /** "12.50 EUR": for logs, audit and plain-text mail; pages format with the reader's locale. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }

    /** Two currencies met in one sum: refused, never converted. */
    public static final class CurrencyMismatchException extends IllegalArgumentException {
        public CurrencyMismatchException(String one, String other) {
            super("Amounts in " + one + " and " + other + " cannot be combined");
        }
    }
}
