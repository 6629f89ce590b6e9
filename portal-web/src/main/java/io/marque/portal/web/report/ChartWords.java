package io.marque.portal.web.report;

import io.marque.portal.billing.Money;
import io.marque.portal.report.Chart;
import io.marque.portal.web.theme.Messages;
import io.marque.portal.web.theme.Ui;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * How the dashboards write what they show in the reader's language: months ("Jan 25", "янв. 25"),
 * amounts exactly in their own currency, counts, and the words of a chart.
 */
@Named("reportWords")
@RequestScoped
public class ChartWords {

    @Inject
    Ui ui;

    @Inject
    Messages msg;

    /** A month, short: the labels of a chart and the rows of a table. */
    public String month(YearMonth month) {
        return DateTimeFormatter.ofPattern("LLL yy", ui.getLocale()).format(month);
    }

    public List<String> months(List<YearMonth> months) {
        return months.stream().map(this::month).toList();
    }

    /** An amount exactly, with its currency: never rounded, never converted. */
    public String money(Money amount) {
        return amount == null ? "" : ui.moneyIn(amount.amount(), amount.currency());
    }

    public String count(long count) {
        return NumberFormat.getIntegerInstance(ui.getLocale()).format(count);
    }

    /** A chart of amounts of one currency: its title from {@code titleKey} with the currency. */
    public Chart.Text moneyChart(String titleKey, String noDataKey, String currency) {
        return new Chart.Text(msg.format(titleKey, currency), msg.get(noDataKey), ui.getLocale(),
                value -> ui.moneyIn(value, currency));
    }

    /** A chart of counts. */
    public Chart.Text countChart(String titleKey, String noDataKey) {
        return new Chart.Text(msg.get(titleKey), msg.get(noDataKey), ui.getLocale(),
                value -> NumberFormat.getIntegerInstance(ui.getLocale()).format(value));
    }

    /** The amounts of a monthly series as a chart's values. */
    public static List<BigDecimal> amounts(List<Money> amounts) {
        return amounts.stream().map(Money::amount).toList();
    }
}
