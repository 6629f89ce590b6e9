package io.marque.portal.billing.discount;

import java.math.BigDecimal;

/**
 * What a reseller's discount depends on, measured today.
 *
 * @param activeServers servers the reseller has in service
 * @param turnover      the sum of its payments in the month-long window ending today
 */
public record Standing(int activeServers, BigDecimal turnover) {
}
