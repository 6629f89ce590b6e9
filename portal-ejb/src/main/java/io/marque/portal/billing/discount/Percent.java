package io.marque.portal.billing.discount;

import java.math.BigDecimal;

/** Checks on percentages: 0 to 100 inclusive, at most two decimals. */
final class Percent {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Percent() {
    }

    static BigDecimal check(BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(HUNDRED) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("A discount is 0 to 100 % with at most two decimals: " + value);
        }
        return value;
    }
}
