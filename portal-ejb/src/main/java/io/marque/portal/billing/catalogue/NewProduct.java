package io.marque.portal.billing.catalogue;

/** A product as the provider's form sends it; checked by {@link Catalogue}. */
public record NewProduct(String code, String name, String description, String category, String kind, Integer minRamGb) {
}
