package io.marque.portal.report;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tables of a reseller's dashboard as they are downloaded: fixed, language-free column names (like
 * the server import's), amounts as plain numbers beside their currency, one row per month and currency.
 * Each table's slug names its file ({@code revenue-by-month-2025-01-31.csv}): nothing in it names anyone.
 */
public enum ResellerTable {

    REVENUE("revenue-by-month", overview -> {
        CsvTable csv = new CsvTable(List.of("month", "currency", "revenue"));
        for (int k = 0; k < overview.months().size(); k++) {
            YearMonth month = overview.months().get(k);
            for (MonthlySeries series : overview.revenue()) {
                csv.row(month, series.currency(), series.at(k).amount());
            }
        }
        return csv;
    }),

    CUSTOMERS("customers-by-month", overview -> {
        CsvTable csv = new CsvTable(List.of("month", "new_customers", "customers"));
        for (int k = 0; k < overview.months().size(); k++) {
            csv.row(overview.months().get(k), overview.newCustomers().get(k), overview.customerTotals().get(k));
        }
        return csv;
    }),

    TOP_CUSTOMERS("top-customers", overview -> {
        CsvTable csv = new CsvTable(List.of("currency", "rank", "customer_id", "customer", "company", "revenue"));
        for (MonthlySeries series : overview.revenue()) {
            int rank = 0;
            for (CustomerRevenue customer : overview.topCustomers(series.currency())) {
                csv.row(series.currency(), ++rank, customer.customerId(), customer.name(), customer.company(),
                        customer.revenue().amount());
            }
        }
        return csv;
    }),

    OUTSTANDING("outstanding-invoices", overview -> {
        CsvTable csv = new CsvTable(List.of("currency", "due_count", "due", "overdue_count", "overdue"));
        for (Outstanding row : overview.outstanding()) {
            csv.row(row.currency(), row.dueCount(), row.due().amount(), row.overdueCount(), row.overdue().amount());
        }
        return csv;
    });

    private final String slug;
    private final Function<ResellerOverview, CsvTable> table;

    ResellerTable(String slug, Function<ResellerOverview, CsvTable> table) {
        this.slug = slug;
        this.table = table;
    }

    /** The table's name in its download's address and file name. */
    public String slug() {
        return slug;
    }

    public CsvTable of(ResellerOverview overview) {
        return table.apply(overview);
    }

    public static Optional<ResellerTable> bySlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }
}
