package io.marque.portal.billing.catalogue;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.discount.Category;
import java.util.Map;

/**
 * A product as one reader sees it. For the provider, {@code listPrices} holds every currency; for a
 * reseller only its own currency, with the wholesale price its discount gives today and its own price
 * (absent until it sets one).
 */
public record ProductView(long id, String code, String name, String description, Category category, ProductKind kind,
        Integer minRamGb, boolean active, Map<String, Money> listPrices, Map<Cycle, Money> wholesale,
        Map<Cycle, Money> ownPrices) {

    /** Key of {@link #listPrices}: cycle and currency, e.g. {@code MONTHLY EUR}. */
    public static String key(Cycle cycle, String currency) {
        return cycle.name() + " " + currency;
    }

    public Money listPrice(Cycle cycle, String currency) {
        return listPrices.get(key(cycle, currency));
    }
}
