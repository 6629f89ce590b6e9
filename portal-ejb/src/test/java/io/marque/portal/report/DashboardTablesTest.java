package io.marque.portal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.billing.Money;
import io.marque.portal.tenant.TenantStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The downloads of both dashboards: what each table holds, in which form, under which name. */
class DashboardTablesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 15);
    private static final Months WINDOW = Months.ending(TODAY, 3);

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    private static ResellerOverview reseller() {
        List<MonthlySeries> revenue = List.of(new MonthlySeries("EUR", List.of(eur("10.00"), eur("0"), eur("-5.00"))),
                new MonthlySeries("USD", List.of(usd("0"), usd("7.00"), usd("0"))));
        return new ResellerOverview(TODAY, WINDOW.months(), revenue, 3, 9, List.of(1L, 0L, 2L), List.of(7L, 7L, 9L),
                List.of(new CustomerRevenue(11, "=cmd|'/c calc'!A1", "Co, Ltd", eur("8.00")),
                        new CustomerRevenue(12, "Bea", null, eur("2.00")),
                        new CustomerRevenue(13, "Uma", "U", usd("7.00"))),
                List.of(new Outstanding("EUR", 2, eur("30.00"), 1, eur("40.00"))));
    }

    private static ProviderOverview provider() {
        PaymentStatus eur = new PaymentStatus("EUR", 1, eur("80.00"), 0, eur("0"), 1, eur("33.00"));
        return new ProviderOverview(TODAY, WINDOW.months(),
                List.of(new ResellerFigures(5, "Acme", TenantStatus.ACTIVE, List.of(eur("80.00")), 2, 4),
                        new ResellerFigures(6, "New one", TenantStatus.SUSPENDED, List.of(), 0, 0)),
                List.of(new ResellerPayments(5, "Acme", eur)), List.of(eur),
                ProviderDashboard.channels(List.of(new MonthlySeries("EUR", List.of(eur("0"), eur("90.00"), eur("0")))),
                        List.of(new MonthlySeries("EUR", List.of(eur("0"), eur("80.00"), eur("0"))),
                                new MonthlySeries("USD", List.of(usd("60.00"), usd("0"), usd("0"))))),
                List.of(new MonthlySeries("EUR", List.of(eur("0"), eur("90.00"), eur("0")))),
                List.of(new MonthlySeries("EUR", List.of(eur("0"), eur("80.00"), eur("0"))),
                        new MonthlySeries("USD", List.of(usd("60.00"), usd("0"), usd("0")))));
    }

    private static List<String> lines(CsvTable table) {
        return table.text().substring(1).lines().toList();
    }

    @Test
    void revenueHasARowPerMonthAndCurrencyNeverASumOfTwo() {
        assertEquals(List.of("month,currency,revenue", "2025-01,EUR,10.00", "2025-01,USD,0.00", "2025-02,EUR,0.00",
                "2025-02,USD,7.00", "2025-03,EUR,-5.00", "2025-03,USD,0.00"), lines(ResellerTable.REVENUE.of(reseller())));
    }

    @Test
    void customersHaveTheNewAndTheTotalPerMonth() {
        assertEquals(List.of("month,new_customers,customers", "2025-01,1,7", "2025-02,0,7", "2025-03,2,9"),
                lines(ResellerTable.CUSTOMERS.of(reseller())));
    }

    @Test
    void topCustomersAreRankedPerCurrencyAndTheirNamesCannotRunAsFormulas() {
        assertEquals(List.of("currency,rank,customer_id,customer,company,revenue",
                "EUR,1,11,'=cmd|'/c calc'!A1,\"Co, Ltd\",8.00", "EUR,2,12,Bea,,2.00", "USD,1,13,Uma,U,7.00"),
                lines(ResellerTable.TOP_CUSTOMERS.of(reseller())));
    }

    @Test
    void outstandingIsDueAndOverduePerCurrency() {
        assertEquals(List.of("currency,due_count,due,overdue_count,overdue", "EUR,2,30.00,1,40.00"),
                lines(ResellerTable.OUTSTANDING.of(reseller())));
    }

    @Test
    void aResellerWithoutRevenueStillHasItsRow() {
        assertEquals(List.of("reseller_id,reseller,status,active_services,customers,currency,wholesale_revenue",
                "5,Acme,ACTIVE,2,4,EUR,80.00", "6,New one,SUSPENDED,0,0,,"), lines(ProviderTable.RESELLERS.of(provider())));
    }

    @Test
    void paymentsAreCountedAndSummedPerResellerAndCurrency() {
        assertEquals(List.of("reseller_id,reseller,currency,paid_count,paid,due_count,due,overdue_count,overdue",
                "5,Acme,EUR,1,80.00,0,0.00,1,33.00"), lines(ProviderTable.PAYMENTS.of(provider())));
    }

    @Test
    void directAndResellerRevenueAreTotalledPerCurrency() {
        assertEquals(List.of("currency,direct,reseller", "EUR,90.00,80.00", "USD,0.00,60.00"),
                lines(ProviderTable.CHANNELS.of(provider())));
        assertEquals(List.of("month,currency,direct,reseller", "2025-01,EUR,0.00,0.00", "2025-01,USD,0.00,60.00",
                "2025-02,EUR,90.00,80.00", "2025-02,USD,0.00,0.00", "2025-03,EUR,0.00,0.00", "2025-03,USD,0.00,0.00"),
                lines(ProviderTable.MONTHLY.of(provider())));
    }

    @Test
    void theProvidersTablesHaveNoColumnAboutAResellersCustomers() {
        for (ProviderTable table : ProviderTable.values()) {
            for (String column : table.of(provider()).header()) {
                assertTrue(column.equals("customers") || !column.contains("customer"), table + ": " + column);
            }
        }
    }

    @Test
    void tablesAreFoundByTheirSlugsWhichAreSafeInAFileName() {
        for (ResellerTable table : ResellerTable.values()) {
            assertTrue(table.slug().matches("[a-z]+(-[a-z]+)*"), table.slug());
            assertEquals(Optional.of(table), ResellerTable.bySlug(table.slug()));
        }
        for (ProviderTable table : ProviderTable.values()) {
            assertTrue(table.slug().matches("[a-z]+(-[a-z]+)*"), table.slug());
            assertEquals(Optional.of(table), ProviderTable.bySlug(table.slug()));
        }
        assertEquals(Optional.empty(), ResellerTable.bySlug("../etc/passwd"));
        assertEquals(Optional.empty(), ProviderTable.bySlug("REVENUE"));
    }
}
