package io.marque.portal.billing;

import io.marque.portal.billing.discount.DiscountPolicy;
import io.marque.portal.reseller.ResellerTerms;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Which discount policy a reseller is on and whether it may order: the one place billing asks, answered
 * by the reseller program's terms (the policy on the reseller's profile; only an active reseller orders).
 */
@Stateless
public class Discounts {

    @Inject
    ResellerTerms terms;

    public DiscountPolicy policyOf(long resellerTenantId) {
        return terms.policyOf(resellerTenantId);
    }

    /** Whether the reseller may place new orders (an inactive or suspended reseller may not). */
    public boolean mayOrder(long resellerTenantId) {
        return terms.mayOrder(resellerTenantId);
    }
}
