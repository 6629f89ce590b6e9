package io.marque.portal.report;

import io.marque.portal.billing.Money;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tables of the provider's dashboard as they are downloaded, in the form of {@link ResellerTable}.
 * Like the dashboard they come from, they hold counts of a reseller's customers and services and the
 * wholesale money, nothing about who a reseller's customers are (law 3).
 */
public enum ProviderTable {

    RESELLERS("resellers", overview -> {
        CsvTable csv = new CsvTable(List.of("reseller_id", "reseller", "status", "active_services", "customers",
                "currency", "wholesale_revenue"));
        for (ResellerFigures reseller : overview.resellers()) {
            if (reseller.wholesaleRevenue().isEmpty()) {
                csv.row(reseller.tenantId(), reseller.name(), reseller.status().name(), reseller.activeServices(),
                        reseller.customers(), null, null);
            }
            for (Money revenue : reseller.wholesaleRevenue()) {
                csv.row(reseller.tenantId(), reseller.name(), reseller.status().name(), reseller.activeServices(),
                        reseller.customers(), revenue.currency(), revenue.amount());
            }
        }
        return csv;
    }),

    PAYMENTS("wholesale-payments", overview -> {
        CsvTable csv = new CsvTable(List.of("reseller_id", "reseller", "currency", "paid_count", "paid", "due_count",
                "due", "overdue_count", "overdue"));
        for (ResellerPayments row : overview.payments()) {
            PaymentStatus s = row.status();
            csv.row(row.tenantId(), row.reseller(), s.currency(), s.paidCount(), s.paid().amount(), s.dueCount(),
                    s.due().amount(), s.overdueCount(), s.overdue().amount());
        }
        return csv;
    }),

    CHANNELS("direct-and-reseller-revenue", overview -> {
        CsvTable csv = new CsvTable(List.of("currency", "direct", "reseller"));
        for (ChannelRevenue row : overview.channels()) {
            csv.row(row.currency(), row.direct().amount(), row.reseller().amount());
        }
        return csv;
    }),

    MONTHLY("revenue-by-month", overview -> {
        CsvTable csv = new CsvTable(List.of("month", "currency", "direct", "reseller"));
        for (int k = 0; k < overview.months().size(); k++) {
            YearMonth month = overview.months().get(k);
            for (String currency : overview.currencies()) {
                csv.row(month, currency, overview.directIn(currency).at(k).amount(),
                        overview.wholesaleIn(currency).at(k).amount());
            }
        }
        return csv;
    });

    private final String slug;
    private final Function<ProviderOverview, CsvTable> table;

    ProviderTable(String slug, Function<ProviderOverview, CsvTable> table) {
        this.slug = slug;
        this.table = table;
    }

    /** The table's name in its download's address and file name. */
    public String slug() {
        return slug;
    }

    public CsvTable of(ProviderOverview overview) {
        return table.apply(overview);
    }

    public static Optional<ProviderTable> bySlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }
}
