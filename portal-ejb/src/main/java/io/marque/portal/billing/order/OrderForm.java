package io.marque.portal.billing.order;

import io.marque.portal.billing.catalogue.Cycle;
import java.util.List;

/** What a reseller orders for one of its customers: a plan, its add-ons and the billing cycle. */
public record OrderForm(long customerId, long planId, List<Long> addOnIds, Cycle cycle, String note) {

    public OrderForm {
        addOnIds = addOnIds == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(addOnIds));
    }
}
