package io.marque.portal.billing;

import io.marque.portal.billing.discount.DiscountPolicy;
import io.marque.portal.billing.discount.FixedPercentage;
import jakarta.ejb.Stateless;

/** Which discount policy a reseller is on: the one place billing asks. */
@Stateless
public class Discounts {

    public DiscountPolicy policyOf(long resellerTenantId) {
        return FixedPercentage.DEFAULT;
    }

    /** Whether the reseller may place new orders (an inactive or suspended reseller may not). */
    public boolean mayOrder(long resellerTenantId) {
        return true;
    }
}
