package io.marque.portal.billing.order;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.discount.Category;
import java.math.BigDecimal;

/**
 * One product of a quote: the reseller's price to its customer, the provider's list price, the
 * reseller's discount on it and the wholesale price it gives (list − discount, computed in one place:
 * {@link io.marque.portal.billing.discount.Wholesale}).
 */
public record QuoteLine(long productId, String description, Category category, boolean addOn, Money retail, Money list,
        BigDecimal discountPercent, Money wholesale) {
}
