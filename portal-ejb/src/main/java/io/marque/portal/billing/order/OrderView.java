package io.marque.portal.billing.order;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.catalogue.Cycle;
import java.time.Instant;

/**
 * An order in a list. The reseller's view names the customer and both prices; the provider's (orders
 * waiting for a server) names only the reseller, the plan and its memory (law 3), with {@code customer},
 * {@code customerId} and {@code retail} left empty.
 *
 * @param productId the plan ordered
 */
public record OrderView(long id, String customer, String reseller, String product, Integer minRamGb, Cycle cycle, Money retail,
        Money wholesale, OrderStatus status, String invoiceNumber, Long invoiceId, Instant createdAt, Long customerId,
        long productId) {
}
