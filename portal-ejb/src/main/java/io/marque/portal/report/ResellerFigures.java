package io.marque.portal.report;

import io.marque.portal.billing.Money;
import io.marque.portal.tenant.TenantStatus;
import java.util.List;

/**
 * One reseller as the provider's dashboard shows it: the wholesale invoices it paid over the window (per
 * currency), and how many services run for it and how many customers it has — counts only, never who
 * they are (law 3).
 */
public record ResellerFigures(long tenantId, String name, TenantStatus status, List<Money> wholesaleRevenue,
        long activeServices, long customers) {

    public ResellerFigures {
        wholesaleRevenue = List.copyOf(wholesaleRevenue);
    }

    /** The revenue in one currency; zero when it paid nothing in it. */
    public Money wholesaleRevenue(String currency) {
        return wholesaleRevenue.stream().filter(m -> m.currency().equals(currency)).findFirst()
                .orElse(Money.zero(currency));
    }
}
