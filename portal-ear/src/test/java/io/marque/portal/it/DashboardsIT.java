package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.audit.ActivityLog;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.invoice.InvoiceKind;
import io.marque.portal.billing.order.ServiceStatus;
import io.marque.portal.identity.Actor;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.report.ChannelRevenue;
import io.marque.portal.report.CustomerRevenue;
import io.marque.portal.report.MonthlySeries;
import io.marque.portal.report.Outstanding;
import io.marque.portal.report.PaymentStatus;
import io.marque.portal.report.ProviderDashboard;
import io.marque.portal.report.ProviderOverview;
import io.marque.portal.report.ProviderTable;
import io.marque.portal.report.ResellerDashboard;
import io.marque.portal.report.ResellerFigures;
import io.marque.portal.report.ResellerOverview;
import io.marque.portal.report.ResellerPayments;
import io.marque.portal.report.ResellerTable;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboards inside the server, against PostgreSQL, over billing rows of two fresh resellers written
 * for the purpose: the figures are exact, amounts of two currencies are never added, reseller A's dashboard
 * holds nothing of reseller B's, and the provider's holds counts and wholesale money but nothing of a
 * reseller's customers (law 3).
 *
 * <p>The dashboards are measured on a day of 2040 ({@link #TODAY}), so the window holds only what these
 * tests wrote: the fixture resellers are new, and nothing else is dated then. The provider's tenant is
 * shared with every other test (its direct revenue), so its figures are checked by the difference one
 * invoice makes. Paid moments are at noon UTC and mid-month where the provider's time zone matters.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardsIT {

    private static final LocalDate TODAY = LocalDate.of(2040, 3, 15);
    private static final int JAN = 9;
    private static final int FEB = 10;
    private static final int MAR = 11;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(DashboardsIT.class, DashboardFixtures.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    DashboardFixtures billing;

    @Inject
    ResellerDashboard resellerDashboard;

    @Inject
    ProviderDashboard providerDashboard;

    @Inject
    ActivityLog activity;

    private Fixtures.Reseller a;
    private Fixtures.Reseller b;
    private Actor provider;
    private long providerTenant;
    private String tag;
    private long xavier;
    private long yolanda;
    private long zed;
    private long bea;

    @BeforeEach
    void twoResellersWithABusiness() {
        a = fixtures.reseller("dash-a");
        b = fixtures.reseller("dash-b");
        provider = fixtures.providerAdmin();
        providerTenant = billing.providerTenantId();
        tag = UUID.randomUUID().toString().substring(0, 8);

        // A: customers created in January (2) and March (1), besides the fixture's customer created today
        xavier = billing.customer(a.tenantId(), "Xavier " + tag, Instant.parse("2040-01-05T10:00:00Z"));
        yolanda = billing.customer(a.tenantId(), "Yolanda " + tag, Instant.parse("2040-01-20T10:00:00Z"));
        zed = billing.customer(a.tenantId(), "Zed " + tag, Instant.parse("2040-03-01T10:00:00Z"));
        // A's revenue: EUR in January and March (a credit note in March), USD in February
        billing.paid(a.tenantId(), a.tenantId(), InvoiceKind.CUSTOMER, xavier, "100.00", "EUR", Instant.parse("2040-01-10T12:00:00Z"));
        billing.paid(a.tenantId(), a.tenantId(), InvoiceKind.CUSTOMER, xavier, "50.00", "EUR", Instant.parse("2040-03-02T12:00:00Z"));
        billing.invoice(a.tenantId(), a.tenantId(), InvoiceKind.CREDIT_NOTE, xavier, "-20.00", "EUR",
                LocalDate.of(2040, 3, 5), LocalDate.of(2040, 3, 5));
        billing.paid(a.tenantId(), a.tenantId(), InvoiceKind.CUSTOMER, zed, "70.00", "USD", Instant.parse("2040-02-14T12:00:00Z"));
        // the window's first moment is in it, the moment before it is not
        billing.paid(a.tenantId(), a.tenantId(), InvoiceKind.CUSTOMER, yolanda, "5.00", "EUR", Instant.parse("2039-04-01T00:00:00Z"));
        billing.paid(a.tenantId(), a.tenantId(), InvoiceKind.CUSTOMER, yolanda, "500.00", "EUR", Instant.parse("2039-03-31T23:59:59Z"));
        // void: counts nowhere
        billing.voidInvoice(billing.invoice(a.tenantId(), a.tenantId(), InvoiceKind.CUSTOMER, xavier, "999.00", "EUR",
                LocalDate.of(2040, 3, 1), LocalDate.of(2040, 3, 1)));
        // A's unpaid customer invoices on 15 March: due later, due today, overdue, overdue but extended
        billing.invoice(a.tenantId(), a.tenantId(), InvoiceKind.CUSTOMER, xavier, "30.00", "EUR", LocalDate.of(2040, 3, 6), LocalDate.of(2040, 3, 20));
        billing.invoice(a.tenantId(), a.tenantId(), InvoiceKind.CUSTOMER, yolanda, "7.00", "EUR", LocalDate.of(2040, 3, 1), TODAY);
        billing.invoice(a.tenantId(), a.tenantId(), InvoiceKind.CUSTOMER, yolanda, "40.00", "EUR", LocalDate.of(2040, 2, 6), LocalDate.of(2040, 3, 1));
        billing.extend(billing.invoice(a.tenantId(), a.tenantId(), InvoiceKind.CUSTOMER, yolanda, "25.00", "EUR",
                LocalDate.of(2040, 2, 6), LocalDate.of(2040, 3, 1)), LocalDate.of(2040, 3, 31));
        // the provider's wholesale invoices to A: one paid, one overdue, one due; A's costs, not its revenue
        billing.paid(a.tenantId(), providerTenant, InvoiceKind.WHOLESALE, null, "80.00", "EUR", Instant.parse("2040-02-03T12:00:00Z"));
        billing.invoice(a.tenantId(), providerTenant, InvoiceKind.WHOLESALE, null, "33.00", "EUR", LocalDate.of(2040, 3, 1), LocalDate.of(2040, 3, 10));
        billing.invoice(a.tenantId(), providerTenant, InvoiceKind.WHOLESALE, null, "11.00", "EUR", LocalDate.of(2040, 3, 1), LocalDate.of(2040, 3, 30));
        billing.service(a.tenantId(), xavier, "EUR", ServiceStatus.ACTIVE);
        billing.service(a.tenantId(), xavier, "EUR", ServiceStatus.ACTIVE);
        billing.service(a.tenantId(), yolanda, "EUR", ServiceStatus.SUSPENDED);
        billing.service(a.tenantId(), yolanda, "EUR", ServiceStatus.TERMINATED);

        // B: a bigger customer in the same currency, its own unpaid invoice, and wholesale in USD
        bea = billing.customer(b.tenantId(), "Bea " + tag, Instant.parse("2040-02-01T10:00:00Z"));
        billing.paid(b.tenantId(), b.tenantId(), InvoiceKind.CUSTOMER, bea, "1234.00", "EUR", Instant.parse("2040-02-10T12:00:00Z"));
        billing.invoice(b.tenantId(), b.tenantId(), InvoiceKind.CUSTOMER, bea, "9.00", "EUR", LocalDate.of(2040, 2, 1), LocalDate.of(2040, 2, 20));
        billing.paid(b.tenantId(), providerTenant, InvoiceKind.WHOLESALE, null, "60.00", "USD", Instant.parse("2040-02-03T12:00:00Z"));
        billing.service(b.tenantId(), bea, "EUR", ServiceStatus.ACTIVE);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    /** Twelve months of zero with the given months set. */
    private static List<Money> months(Money zero, int[] at, Money... amounts) {
        List<Money> months = new ArrayList<>(Collections.nCopies(12, zero));
        for (int i = 0; i < at.length; i++) {
            months.set(at[i], amounts[i]);
        }
        return months;
    }

    @Test
    void aResellersRevenueIsPaidCustomerInvoicesLessCreditNotesByMonthAndCurrency() {
        ResellerOverview overview = resellerDashboard.overview(a.admin(), TODAY);

        assertEquals(YearMonth.of(2039, 4), overview.months().get(0));
        assertEquals(YearMonth.of(2040, 3), overview.months().get(11));
        assertEquals(List.of("EUR", "USD"), overview.revenue().stream().map(MonthlySeries::currency).toList());
        MonthlySeries euros = overview.revenue().get(0);
        assertEquals(months(eur("0"), new int[] {0, JAN, MAR}, eur("5.00"), eur("100.00"), eur("30.00")), euros.amounts());
        assertEquals(eur("135.00"), euros.total());
        assertEquals(months(usd("0"), new int[] {FEB}, usd("70.00")), overview.revenue().get(1).amounts());
    }

    @Test
    void servicesCustomersAndTheirGrowth() {
        ResellerOverview overview = resellerDashboard.overview(a.agent(), TODAY);

        assertEquals(2, overview.activeServices());
        assertEquals(4, overview.customers());
        List<Long> added = new ArrayList<>(Collections.nCopies(12, 0L));
        added.set(JAN, 2L);
        added.set(MAR, 1L);
        assertEquals(added, overview.newCustomers());
        List<Long> totals = new ArrayList<>(Collections.nCopies(12, 1L));
        totals.set(JAN, 3L);
        totals.set(FEB, 3L);
        totals.set(MAR, 4L);
        assertEquals(totals, overview.customerTotals());
    }

    @Test
    void topCustomersArePerCurrencyNetOfCreditNotes() {
        ResellerOverview overview = resellerDashboard.overview(a.admin(), TODAY);

        assertEquals(List.of(new CustomerRevenue(xavier, "Xavier " + tag, null, eur("130.00")),
                new CustomerRevenue(yolanda, "Yolanda " + tag, null, eur("5.00"))), overview.topCustomers("EUR"));
        assertEquals(List.of(new CustomerRevenue(zed, "Zed " + tag, null, usd("70.00"))), overview.topCustomers("USD"));
    }

    @Test
    void outstandingCustomerInvoicesAreDueOrOverdueOnTheDayAsked() {
        assertEquals(List.of(new Outstanding("EUR", 3, eur("62.00"), 1, eur("40.00"))),
                resellerDashboard.overview(a.admin(), TODAY).outstanding());
        // a day later the invoice due today is overdue too
        assertEquals(List.of(new Outstanding("EUR", 2, eur("55.00"), 2, eur("47.00"))),
                resellerDashboard.overview(a.admin(), TODAY.plusDays(1)).outstanding());
    }

    @Test
    void aResellersDashboardHoldsNothingOfAnotherReseller() {
        ResellerOverview ofA = resellerDashboard.overview(a.admin(), TODAY);
        ResellerOverview ofB = resellerDashboard.overview(b.admin(), TODAY);

        assertTrue(ofA.topCustomers().stream().noneMatch(c -> c.customerId() == bea));
        assertFalse(ofA.toString().contains("Bea " + tag));
        assertFalse(ResellerTable.TOP_CUSTOMERS.of(ofA).text().contains("Bea " + tag));
        assertEquals(eur("135.00"), ofA.revenue().get(0).total());

        assertEquals(1, ofB.revenue().size());
        assertEquals(months(eur("0"), new int[] {FEB}, eur("1234.00")), ofB.revenue().get(0).amounts());
        assertEquals(List.of(new CustomerRevenue(bea, "Bea " + tag, null, eur("1234.00"))), ofB.topCustomers());
        assertEquals(List.of(new Outstanding("EUR", 0, eur("0"), 1, eur("9.00"))), ofB.outstanding());
        assertEquals(1, ofB.activeServices());
        assertEquals(2, ofB.customers());
        for (String name : List.of("Xavier ", "Yolanda ", "Zed ")) {
            assertFalse(ofB.toString().contains(name + tag), name);
        }
    }

    @Test
    void theProviderSeesPerResellerWholesaleRevenueServicesAndCustomersEachCurrencyApart() {
        ProviderOverview overview = providerDashboard.overview(provider, TODAY);

        ResellerFigures ofA = row(overview, a.tenantId());
        assertEquals(List.of(eur("80.00")), ofA.wholesaleRevenue());
        assertEquals(2, ofA.activeServices());
        assertEquals(4, ofA.customers());
        ResellerFigures ofB = row(overview, b.tenantId());
        assertEquals(List.of(usd("60.00")), ofB.wholesaleRevenue());
        assertEquals(1, ofB.activeServices());
        assertEquals(2, ofB.customers());
    }

    @Test
    void wholesaleInvoicesArePaidDueOrOverduePerResellerAndCurrency() {
        ProviderOverview overview = providerDashboard.overview(provider, TODAY);

        assertEquals(List.of(new PaymentStatus("EUR", 1, eur("80.00"), 1, eur("11.00"), 1, eur("33.00"))),
                payments(overview, a.tenantId()));
        assertEquals(List.of(new PaymentStatus("USD", 1, usd("60.00"), 0, usd("0"), 0, usd("0"))),
                payments(overview, b.tenantId()));
        // the totals are the sums of the rows, currency by currency
        for (PaymentStatus total : overview.paymentTotals()) {
            PaymentStatus sum = overview.payments().stream().map(ResellerPayments::status)
                    .filter(s -> s.currency().equals(total.currency()))
                    .reduce(PaymentStatus.none(total.currency()), PaymentStatus::plus);
            assertEquals(sum, total);
        }
    }

    @Test
    void directRevenueIsTheProvidersOwnCustomerInvoicesAndResellerRevenueTheWholesaleOnes() {
        ProviderOverview before = providerDashboard.overview(provider, TODAY);
        long direct = billing.customer(providerTenant, "Direct " + tag, Instant.parse("2040-02-01T12:00:00Z"));
        billing.paid(providerTenant, providerTenant, InvoiceKind.CUSTOMER, direct, "90.00", "EUR", Instant.parse("2040-02-15T12:00:00Z"));
        // a reseller's customer invoice is neither direct nor reseller revenue
        billing.paid(a.tenantId(), a.tenantId(), InvoiceKind.CUSTOMER, xavier, "77.00", "EUR", Instant.parse("2040-02-15T12:00:00Z"));
        ProviderOverview after = providerDashboard.overview(provider, TODAY);

        assertEquals(channel(before, "EUR").direct().plus(eur("90.00")), channel(after, "EUR").direct());
        assertEquals(channel(before, "EUR").reseller(), channel(after, "EUR").reseller());
        assertEquals(before.directIn("EUR").at(FEB).plus(eur("90.00")), after.directIn("EUR").at(FEB));
        for (ChannelRevenue row : after.channels()) {
            assertEquals(after.wholesaleIn(row.currency()).total(), row.reseller());
            assertEquals(after.directIn(row.currency()).total(), row.direct());
        }
        assertTrue(channel(after, "USD").reseller().compareTo(usd("60.00")) >= 0);
    }

    @Test
    void theProviderSeesNothingOfAResellersCustomers() {
        ProviderOverview overview = providerDashboard.overview(provider, TODAY);

        List<String> names = List.of("Xavier " + tag, "Yolanda " + tag, "Zed " + tag, "Bea " + tag, "Carla Customer");
        StringBuilder everything = new StringBuilder(overview.toString());
        for (ProviderTable table : ProviderTable.values()) {
            everything.append(table.of(overview).text());
        }
        for (String name : names) {
            assertFalse(everything.toString().contains(name), name);
        }
        // of A's business the provider's money is the wholesale A paid, not what A's customers paid A
        assertEquals(List.of(eur("80.00")), row(overview, a.tenantId()).wholesaleRevenue());
    }

    @Test
    void eachDashboardIsForItsOwnStaffOnly() {
        assertThrows(ForbiddenException.class, () -> resellerDashboard.overview(provider, TODAY));
        assertThrows(ForbiddenException.class, () -> resellerDashboard.overview(a.customer(), TODAY));
        assertThrows(ForbiddenException.class, () -> providerDashboard.overview(a.admin(), TODAY));
        assertThrows(ForbiddenException.class, () -> providerDashboard.overview(a.customer(), TODAY));
        assertThrows(ForbiddenException.class, () -> resellerDashboard.export(b.customer(), ResellerTable.REVENUE, TODAY));
        assertThrows(ForbiddenException.class, () -> providerDashboard.export(b.admin(), ProviderTable.RESELLERS, TODAY));
    }

    @Test
    void anExportIsTheTableAsCsvAndIsAudited() {
        String csv = resellerDashboard.export(a.admin(), ResellerTable.TOP_CUSTOMERS, TODAY).text();

        assertTrue(csv.startsWith("\uFEFFcurrency,rank,customer_id,customer,company,revenue\r\n"), csv);
        assertTrue(csv.contains("EUR,1," + xavier + ",Xavier " + tag + ",,130.00\r\n"), csv);
        assertTrue(activity.page(a.admin(), null).stream()
                .anyMatch(e -> e.action().equals("report.exported") && e.target().equals("top-customers")));
        String resellers = providerDashboard.export(provider, ProviderTable.RESELLERS, TODAY).text();
        assertTrue(resellers.contains(a.tenantId() + ",Reseller "), resellers);
    }

    private static ResellerFigures row(ProviderOverview overview, long tenantId) {
        return overview.resellers().stream().filter(r -> r.tenantId() == tenantId).findFirst().orElseThrow();
    }

    private static List<PaymentStatus> payments(ProviderOverview overview, long tenantId) {
        return overview.payments().stream().filter(p -> p.tenantId() == tenantId).map(ResellerPayments::status).toList();
    }

    private static ChannelRevenue channel(ProviderOverview overview, String currency) {
        return overview.channels().stream().filter(c -> c.currency().equals(currency)).findFirst()
                .orElse(new ChannelRevenue(currency, Money.zero(currency), Money.zero(currency)));
    }
}
