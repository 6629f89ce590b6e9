package io.marque.portal.web.reseller;

import io.marque.portal.report.Chart;
import io.marque.portal.report.MonthlySeries;
import io.marque.portal.report.ResellerDashboard;
import io.marque.portal.report.ResellerOverview;
import io.marque.portal.report.ResellerTable;
import io.marque.portal.web.report.ChartWords;
import io.marque.portal.web.security.CurrentUser;
import io.marque.portal.web.theme.Messages;
import io.marque.portal.web.theme.Ui;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The reseller's reports page: its dashboard measured once per request on today's date in its own time
 * zone, with the charts drawn from it. The charts are the page's only unescaped output; {@link Chart}
 * escapes every text it writes into them.
 */
@Named
@RequestScoped
public class ResellerReports {

    @Inject
    ResellerDashboard dashboard;

    @Inject
    CurrentUser me;

    @Inject
    Ui ui;

    @Inject
    Messages msg;

    @Inject
    ChartWords words;

    private ResellerOverview overview;

    public ResellerOverview getOverview() {
        if (overview == null) {
            overview = dashboard.overview(me.actor(), LocalDate.now(ZoneId.of(ui.getTenant().timeZone())));
        }
        return overview;
    }

    /** The revenue of one currency per month, as bars. */
    public String revenueChart(MonthlySeries series) {
        List<Chart.Bar> bars = new ArrayList<>();
        List<String> months = words.months(getOverview().months());
        for (int k = 0; k < months.size(); k++) {
            bars.add(new Chart.Bar(months.get(k), series.at(k).amount(), 0));
        }
        return Chart.bars(bars, words.moneyChart("reports.revenue.chart", "reports.revenue.none", series.currency()));
    }

    /** Drawn in place of the revenue charts when nothing was paid in the window. */
    public String getNoRevenueChart() {
        return Chart.bars(List.of(), words.countChart("reports.revenue.title", "reports.revenue.none"));
    }

    /** Customers at each month's end and new ones in it, as two lines. */
    public String getCustomersChart() {
        ResellerOverview shown = getOverview();
        return Chart.lines(words.months(shown.months()), List.of(
                new Chart.Series(msg.get("reports.customers.total"), decimals(shown.customerTotals())),
                new Chart.Series(msg.get("reports.customers.new"), decimals(shown.newCustomers()))),
                words.countChart("reports.customers.chart", "reports.customers.none"));
    }

    /** The customers added in the current month. */
    public long getNewThisMonth() {
        List<Long> added = getOverview().newCustomers();
        return added.get(added.size() - 1);
    }

    /** Where a table is downloaded. */
    public String csv(String table) {
        return "/reseller/report.csv?table=" + ResellerTable.valueOf(table).slug();
    }

    private static List<BigDecimal> decimals(List<Long> counts) {
        return counts.stream().map(BigDecimal::valueOf).toList();
    }
}
