package io.marque.portal.web.ticket;

import io.marque.portal.ticket.CustomerDesk;
import io.marque.portal.ticket.ProviderDesk;
import io.marque.portal.ticket.ResellerDesk;
import io.marque.portal.ticket.TicketQueries;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The in-app counters beside "Tickets" in the navigation: for a customer, tickets waiting for its
 * answer; for reseller staff, tickets nobody has taken; for provider staff, open escalations. Each is
 * one count over an index, asked only when the navigation shows it.
 */
@Named("counters")
@RequestScoped
public class TicketCounters {

    @Inject
    CurrentUser me;

    @Inject
    CustomerDesk customers;

    @Inject
    ResellerDesk resellers;

    @Inject
    ProviderDesk provider;

    private Long customerCount;
    private Long resellerCount;
    private Long providerCount;

    public long getAwaitingCustomer() {
        if (customerCount == null) {
            customerCount = customers.awaitingMe(me.actor());
        }
        return customerCount;
    }

    public long getUnassigned() {
        if (resellerCount == null) {
            resellerCount = resellers.unassignedCount(me.actor());
        }
        return resellerCount;
    }

    /** A counter as it is shown: the number, or "99+" past what counters count. */
    public String label(long count) {
        return count > TicketQueries.COUNT_CAP ? TicketQueries.COUNT_CAP + "+" : String.valueOf(count);
    }

    public long getEscalations() {
        if (providerCount == null) {
            providerCount = provider.count(me.actor());
        }
        return providerCount;
    }
}
