/**
 * Reseller discounts as pure rules (issue 5, not wired to orders yet): a fixed percentage, volume by
 * active servers, and rolling turnover per product category; the wholesale price they give; and the
 * progress a reseller sees towards the next step. Money is {@link java.math.BigDecimal}, rounded only
 * once, to the currency's minor unit (law 6).
 */
package io.marque.portal.billing.discount;
