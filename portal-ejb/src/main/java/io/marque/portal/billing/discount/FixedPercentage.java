package io.marque.portal.billing.discount;

import java.math.BigDecimal;

/** The same percentage on every product and option; the program's default is 10 %. */
public record FixedPercentage(BigDecimal value) implements DiscountPolicy {

    public static final FixedPercentage DEFAULT = new FixedPercentage(new BigDecimal("10"));

    public FixedPercentage {
        Percent.check(value);
    }

    @Override
    public BigDecimal percent(PriceLine line, Standing standing) {
        return value;
    }
}
