package io.marque.portal.billing.discount;

import java.math.BigDecimal;

/** How a reseller's discount is found: a percentage (0–100, exact) for one line of an order. */
public interface DiscountPolicy {

    BigDecimal percent(PriceLine line, Standing standing);

    /** While a reseller discount applies to a line, promo codes do not. */
    default boolean promoCodesAllowed(PriceLine line, Standing standing) {
        return percent(line, standing).signum() == 0;
    }
}
