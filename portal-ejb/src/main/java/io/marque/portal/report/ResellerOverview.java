package io.marque.portal.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A reseller's dashboard on a day, for its own staff.
 *
 * @param today          the day it was measured on, in the reseller's calendar
 * @param months         the window, oldest first; the last is the current month
 * @param revenue        per currency, per month: paid customer invoices (by the day paid) less credit notes
 *                       (by the day issued)
 * @param activeServices the reseller's services now running (not suspended, not terminated)
 * @param customers      its customers at the end of the window
 * @param newCustomers   customers created in each month of the window
 * @param customerTotals customers at the end of each month of the window
 * @param topCustomers   per currency (in the order of {@code revenue}), the customers who paid most over the
 *                       window, most first, at most {@link ResellerDashboard#TOP} each
 * @param outstanding    per currency, unpaid customer invoices due and overdue on {@code today}
 */
public record ResellerOverview(LocalDate today, List<YearMonth> months, List<MonthlySeries> revenue,
        long activeServices, long customers, List<Long> newCustomers, List<Long> customerTotals,
        List<CustomerRevenue> topCustomers, List<Outstanding> outstanding) {

    public ResellerOverview {
        months = List.copyOf(months);
        revenue = List.copyOf(revenue);
        newCustomers = List.copyOf(newCustomers);
        customerTotals = List.copyOf(customerTotals);
        topCustomers = List.copyOf(topCustomers);
        outstanding = List.copyOf(outstanding);
    }

    /** The top customers of one currency. */
    public List<CustomerRevenue> topCustomers(String currency) {
        return topCustomers.stream().filter(c -> c.revenue().currency().equals(currency)).toList();
    }
}
