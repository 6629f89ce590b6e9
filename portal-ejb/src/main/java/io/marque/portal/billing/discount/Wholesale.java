package io.marque.portal.billing.discount;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Wholesale price = retail − discount, in one place: the discount is taken off exactly and the result
 * rounded once, half up, to the currency's minor unit (cents; none for JPY).
 */
public final class Wholesale {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Wholesale() {
    }

    public static BigDecimal price(BigDecimal retail, BigDecimal percent, Currency currency) {
        if (retail == null || retail.signum() < 0) {
            throw new IllegalArgumentException("A retail price is zero or more: " + retail);
        }
        Percent.check(percent);
        BigDecimal exact = retail.multiply(HUNDRED.subtract(percent)).divide(HUNDRED);
        return exact.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_UP);
    }
}
