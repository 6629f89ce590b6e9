package io.marque.portal.web.admin;

import io.marque.portal.report.Chart;
import io.marque.portal.report.MonthlySeries;
import io.marque.portal.report.PaymentStatus;
import io.marque.portal.report.ProviderDashboard;
import io.marque.portal.report.ProviderOverview;
import io.marque.portal.report.ProviderTable;
import io.marque.portal.report.ResellerFigures;
import io.marque.portal.web.report.ChartWords;
import io.marque.portal.web.security.CurrentUser;
import io.marque.portal.web.theme.Messages;
import io.marque.portal.web.theme.Ui;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * The provider's reports page: its dashboard measured once per request on today's date in the provider's
 * time zone, with the charts drawn from it, one per currency.
 */
@Named
@RequestScoped
public class ProviderReports {

    /** The resellers a revenue chart shows, highest first; the table lists all. */
    static final int CHART_RESELLERS = 10;

    @Inject
    ProviderDashboard dashboard;

    @Inject
    CurrentUser me;

    @Inject
    Ui ui;

    @Inject
    Messages msg;

    @Inject
    ChartWords words;

    private ProviderOverview overview;

    public ProviderOverview getOverview() {
        if (overview == null) {
            overview = dashboard.overview(me.actor(), LocalDate.now(ZoneId.of(ui.getTenant().timeZone())));
        }
        return overview;
    }

    /** Direct against reseller revenue of one currency per month, as two lines. */
    public String channelChart(String currency) {
        ProviderOverview shown = getOverview();
        return Chart.lines(words.months(shown.months()), List.of(
                new Chart.Series(msg.get("reports.channels.direct"), ChartWords.amounts(shown.directIn(currency).amounts())),
                new Chart.Series(msg.get("reports.channels.reseller"),
                        ChartWords.amounts(shown.wholesaleIn(currency).amounts()))),
                words.moneyChart("reports.channels.chart", "reports.channels.none", currency));
    }

    /** Drawn in place of the revenue charts when there was no revenue in the window. */
    public String getNoRevenueChart() {
        return Chart.bars(List.of(), words.countChart("reports.channels.title", "reports.channels.none"));
    }

    /** The resellers that paid most wholesale in one currency, as bars. */
    public String resellerChart(String currency) {
        List<Chart.Bar> bars = getOverview().resellers().stream()
                .filter(r -> r.wholesaleRevenue(currency).signum() > 0)
                .sorted(Comparator.comparing((ResellerFigures r) -> r.wholesaleRevenue(currency)).reversed()
                        .thenComparing(ResellerFigures::name))
                .limit(CHART_RESELLERS)
                .map(r -> new Chart.Bar(r.name(), r.wholesaleRevenue(currency).amount(), 0)).toList();
        return Chart.bars(bars, words.moneyChart("reports.resellers.chart", "reports.resellers.noRevenue", currency));
    }

    /** Paid, due and overdue wholesale invoices of one currency, as three bars. */
    public String paymentChart(PaymentStatus status) {
        String currency = status.currency();
        return Chart.bars(List.of(
                new Chart.Bar(msg.get("reports.payments.paid"), status.paid().amount(), 2),
                new Chart.Bar(msg.get("reports.payments.due"), status.due().amount(), 3),
                new Chart.Bar(msg.get("reports.payments.overdue"), status.overdue().amount(), 4)),
                words.moneyChart("reports.payments.chart", "reports.payments.none", currency));
    }

    /** The currencies the resellers paid wholesale in over the window. */
    public List<String> getWholesaleCurrencies() {
        return getOverview().wholesale().stream().map(MonthlySeries::currency).toList();
    }

    /** Where a table is downloaded. */
    public String csv(String table) {
        return "/admin/report.csv?table=" + ProviderTable.valueOf(table).slug();
    }
}
