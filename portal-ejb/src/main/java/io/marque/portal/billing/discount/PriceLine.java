package io.marque.portal.billing.discount;

/**
 * One line of an order as the discount sees it.
 *
 * @param addOn an option of a product (extra IP, RAM, control panel licence) rather than the product itself
 */
public record PriceLine(Category category, boolean addOn) {
}
