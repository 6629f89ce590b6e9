package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.Standings;
import io.marque.portal.billing.account.Accounts;
import io.marque.portal.billing.account.BalanceView;
import io.marque.portal.billing.catalogue.Catalogue;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.invoice.Invoice;
import io.marque.portal.billing.invoice.InvoiceKind;
import io.marque.portal.billing.invoice.InvoiceStatus;
import io.marque.portal.billing.invoice.InvoiceView;
import io.marque.portal.billing.invoice.Invoices;
import io.marque.portal.billing.order.HostingService;
import io.marque.portal.billing.order.OrderForm;
import io.marque.portal.billing.order.OrderStatus;
import io.marque.portal.billing.order.OrderView;
import io.marque.portal.billing.order.Orders;
import io.marque.portal.billing.order.Quote;
import io.marque.portal.billing.order.Renewals;
import io.marque.portal.identity.Actor;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.server.CustomerServers;
import io.marque.portal.server.ServerView;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Billing inside the server, against PostgreSQL: order → invoice → payment from balance → provisioning
 * from the pool; wholesale prices from the reseller's discount; credit notes, cancellation, renewals and
 * the monthly consolidation with chosen dates; and one reseller never reaching another's prices, orders
 * or invoices (404 through every call), the provider never reaching a reseller's customer invoices.
 */
@ExtendWith(ArquillianExtension.class)
class BillingIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(BillingIT.class, BillingFixtures.class, ServerFixtures.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    BillingFixtures billing;

    @Inject
    Catalogue catalogue;

    @Inject
    Orders orders;

    @Inject
    Invoices invoices;

    @Inject
    Accounts accounts;

    @Inject
    Renewals renewals;

    @Inject
    Standings standings;

    @Inject
    CustomerServers customerServers;

    private Fixtures.Reseller a;
    private Fixtures.Reseller b;
    private Actor provider;
    private int ram;
    private long plan;
    private long addOn;

    @BeforeEach
    void aResellerWithPrices() {
        a = fixtures.reseller("billing-a");
        b = fixtures.reseller("billing-b");
        provider = fixtures.providerAdmin();
        ram = billing.uniqueRam();
        plan = billing.plan(provider, "DEDICATED", ram, "USD", "100.00");
        addOn = billing.addOn(provider, "USD", "10.00");
        catalogue.setOwnPrice(a.admin(), plan, Cycle.MONTHLY, "USD", "150.00");
        catalogue.setOwnPrice(a.admin(), addOn, Cycle.MONTHLY, "USD", "15.00");
    }

    @Test
    void anOrderIsInvoicedAtOncePaidFromTheCustomersBalanceAndThenProvisioned() {
        long server = billing.poolServer(provider, ram);
        OrderForm form = new OrderForm(a.customerId(), plan, List.of(addOn), Cycle.MONTHLY, null);

        Quote quote = orders.quote(a.agent(), form);
        assertEquals(new Money(new BigDecimal("165.00"), "USD"), quote.retailTotal());
        // the default fixed discount: 10% off the list price of the plan and of its add-on
        assertEquals(new Money(new BigDecimal("99.00"), "USD"), quote.wholesaleTotal());

        long orderId = orders.place(a.agent(), form);
        OrderView order = orders.ofReseller(a.admin()).stream().filter(o -> o.id() == orderId).findFirst().orElseThrow();
        assertEquals(OrderStatus.PENDING, order.status());
        Invoice invoice = invoices.visible(a.customer(), order.invoiceId());
        assertEquals(InvoiceKind.CUSTOMER, invoice.getKind());
        assertEquals(new Money(new BigDecimal("165.00"), "USD"), invoice.total());
        assertEquals(invoice.subtotal(), invoices.lines(invoice).stream()
                .map(l -> new Money(l.getAmount(), "USD")).reduce(Money.zero("USD"), Money::plus));
        assertTrue(customerServers.list(a.customer(), 0, 100).stream().noneMatch(s -> s.id() == server));

        // nothing on the balance: refused, and nothing changed
        InvalidInputException short1 = assertThrows(InvalidInputException.class, () -> accounts.pay(a.customer(), invoice.getId()));
        assertEquals("billing.error.balanceShort", short1.problems().get(""));
        assertEquals(InvoiceStatus.ISSUED, invoices.visible(a.customer(), invoice.getId()).getStatus());

        accounts.addFunds(a.agent(), a.customerId(), null, "200.00", "Transfer received");
        accounts.pay(a.customer(), invoice.getId());

        assertEquals(InvoiceStatus.PAID, invoices.visible(a.admin(), invoice.getId()).getStatus());
        BalanceView balance = accounts.mine(a.customer());
        assertEquals(new Money(new BigDecimal("35.00"), "USD"), balance.balance());
        assertEquals(0, balance.balance().amount().compareTo(billing.ledgerSum(balance.accountId())));
        assertEquals(OrderStatus.PROVISIONED, orders.ofReseller(a.admin()).stream().filter(o -> o.id() == orderId)
                .findFirst().orElseThrow().status());
        List<Long> visible = customerServers.list(a.customer(), 0, 100).stream().map(ServerView::id).toList();
        assertTrue(visible.contains(server), "the customer sees the provisioned server");
        HostingService service = billing.serviceOf(orderId);
        assertEquals(server, service.getServerId());
        assertEquals(new Money(new BigDecimal("99.00"), "USD"), service.wholesale());

        // paying twice is refused
        assertThrows(InvalidInputException.class, () -> accounts.pay(a.customer(), invoice.getId()));
    }

    @Test
    void aPaidOrderWaitsForAServerAndTheProviderSeesOnlyTheResellerAndThePlan() {
        accounts.addFunds(a.agent(), a.customerId(), null, "150.00", null);
        long orderId = orders.place(a.agent(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, null));
        long invoiceId = orders.ofReseller(a.admin()).get(0).invoiceId();
        accounts.pay(a.customer(), invoiceId);

        OrderView waiting = orders.awaitingServer(provider).stream().filter(o -> o.id() == orderId).findFirst().orElseThrow();
        assertEquals(OrderStatus.PAID, waiting.status());
        assertEquals(null, waiting.customer(), "law 3: the provider does not learn the reseller's customer");
        assertEquals(null, waiting.retail(), "nor the reseller's price");

        // a retry provisions every paid order still waiting, oldest first: another suite's waiting order may take
        // the server added here, so add servers until this order has one
        java.util.Set<Long> added = new java.util.HashSet<>();
        for (int round = 0; round < 10 && orders.awaitingServer(provider).stream().anyMatch(o -> o.id() == orderId); round++) {
            added.add(billing.poolServer(provider, ram));
            assertTrue(orders.retryProvisioning(provider) >= 1, "a retry with a free server provisions an order");
        }
        HostingService service = billing.serviceOf(orderId);
        assertTrue(added.contains(service.getServerId()), "one of the servers added for it: " + service.getServerId());
    }

    @Test
    void aPendingOrderIsCancelledWithItsInvoiceVoided() {
        long orderId = orders.place(a.admin(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, "try"));
        long invoiceId = orders.ofReseller(a.admin()).get(0).invoiceId();
        assertThrows(NotFoundException.class, () -> orders.cancel(b.admin(), orderId));

        orders.cancel(a.agent(), orderId);

        assertEquals(InvoiceStatus.VOID, invoices.visible(a.admin(), invoiceId).getStatus());
        accounts.addFunds(a.agent(), a.customerId(), null, "500.00", null);
        assertThrows(InvalidInputException.class, () -> accounts.pay(a.customer(), invoiceId));
        assertThrows(InvalidInputException.class, () -> orders.cancel(a.agent(), orderId));
    }

    @Test
    void aCreditNoteGoesBackOnTheBalanceAndNeverExceedsTheInvoice() {
        accounts.addFunds(a.agent(), a.customerId(), null, "150.00", null);
        orders.place(a.agent(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, null));
        long invoiceId = orders.ofReseller(a.admin()).get(0).invoiceId();
        accounts.pay(a.customer(), invoiceId);

        Invoice note = accounts.creditNote(a.admin(), invoiceId, "20.00", "Downtime on 3 May");

        assertEquals(InvoiceKind.CREDIT_NOTE, note.getKind());
        assertEquals(new Money(new BigDecimal("-20.00"), "USD"), note.total());
        assertEquals(new Money(new BigDecimal("20.00"), "USD"), accounts.mine(a.customer()).balance());
        InvalidInputException tooMuch = assertThrows(InvalidInputException.class,
                () -> accounts.creditNote(a.admin(), invoiceId, "130.01", "More"));
        assertEquals("billing.error.creditTooLarge", tooMuch.problems().get("amount"));
        assertThrows(NotFoundException.class, () -> accounts.creditNote(b.admin(), invoiceId, "1.00", "Other reseller"));
        assertTrue(invoices.ofCustomer(a.customer()).stream().anyMatch(i -> i.id() == note.getId()));
    }

    @Test
    void withTaxTheInvoiceAndItsCreditNotesCarryTheTaxAndCreditsStopAtTheGrossTotal() {
        invoices.saveSettings(a.admin(), new Invoices.SettingsForm("TAXED", "VAT", "19", 14, "", null));
        accounts.addFunds(a.agent(), a.customerId(), null, "178.50", null);
        orders.place(a.agent(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, null));
        long invoiceId = orders.ofReseller(a.admin()).get(0).invoiceId();
        Invoice invoice = invoices.visible(a.customer(), invoiceId);
        assertEquals(new Money(new BigDecimal("28.50"), "USD"), invoice.tax());
        assertEquals(new Money(new BigDecimal("178.50"), "USD"), invoice.total());
        assertTrue(invoice.getNumber().startsWith("TAXED-"), invoice.getNumber());
        accounts.pay(a.customer(), invoiceId);
        assertEquals(Money.zero("USD"), accounts.mine(a.customer()).balance());

        Invoice first = accounts.creditNote(a.admin(), invoiceId, "20.00", "Downtime");
        assertEquals(new Money(new BigDecimal("-23.80"), "USD"), first.total(), "20.00 and its 19% VAT");
        assertEquals(new Money(new BigDecimal("23.80"), "USD"), accounts.mine(a.customer()).balance());
        // 130.01 net would credit 154.71: one cent past the 178.50 paid
        assertThrows(InvalidInputException.class, () -> accounts.creditNote(a.admin(), invoiceId, "130.01", "Rest"));
        Invoice rest = accounts.creditNote(a.admin(), invoiceId, "130.00", "Rest");
        assertEquals(new Money(new BigDecimal("-154.70"), "USD"), rest.total());
        assertEquals(new Money(new BigDecimal("178.50"), "USD"), accounts.mine(a.customer()).balance());
        assertThrows(InvalidInputException.class, () -> accounts.creditNote(a.admin(), invoiceId, "0.01", "More"));
        BalanceView balance = accounts.mine(a.customer());
        assertEquals(0, balance.balance().amount().compareTo(billing.ledgerSum(balance.accountId())));
    }

    @Test
    void oneResellerNeverReachesAnothersPricesOrdersOrInvoicesNorTheProviderTheCustomerInvoices() {
        catalogue.setOwnPrice(b.admin(), plan, Cycle.MONTHLY, "USD", "333.00");
        long orderId = orders.place(a.agent(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, null));
        long invoiceId = orders.ofReseller(a.admin()).get(0).invoiceId();
        Actor otherCustomer = fixtures.anotherCustomer(a, "Olga Other");

        assertTrue(catalogue.forReseller(a.admin(), "USD").stream().filter(p -> p.id() == plan)
                .allMatch(p -> p.ownPrices().get(Cycle.MONTHLY).amount().compareTo(new BigDecimal("150.00")) == 0));
        assertTrue(catalogue.forReseller(b.admin(), "USD").stream().filter(p -> p.id() == plan)
                .allMatch(p -> p.ownPrices().get(Cycle.MONTHLY).amount().compareTo(new BigDecimal("333.00")) == 0));
        assertThrows(NotFoundException.class, () -> orders.quote(b.agent(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, null)));
        assertThrows(NotFoundException.class, () -> orders.place(b.admin(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, null)));
        assertTrue(orders.ofReseller(b.admin()).stream().noneMatch(o -> o.id() == orderId));
        assertThrows(NotFoundException.class, () -> invoices.visible(b.admin(), invoiceId));
        assertThrows(NotFoundException.class, () -> invoices.visible(b.customer(), invoiceId));
        assertThrows(NotFoundException.class, () -> invoices.visible(otherCustomer, invoiceId));
        assertThrows(NotFoundException.class, () -> invoices.visible(provider, invoiceId));
        assertTrue(invoices.ofReseller(b.admin(), InvoiceKind.CUSTOMER).stream().noneMatch(i -> i.id() == invoiceId));
        assertTrue(invoices.ofCustomer(otherCustomer).isEmpty());
        assertTrue(invoices.wholesale(provider, null).stream().noneMatch(i -> i.id() == invoiceId));
        assertThrows(NotFoundException.class, () -> accounts.pay(b.admin(), invoiceId));
        assertThrows(NotFoundException.class, () -> accounts.ofCustomer(b.agent(), a.customerId()));
        assertThrows(NotFoundException.class, () -> accounts.addFunds(b.agent(), a.customerId(), null, "10.00", null));
        assertThrows(NotFoundException.class, () -> accounts.refund(b.admin(), a.customerId(), "1.00", "x"));
    }

    @Test
    void pricesMustExistInTheCustomersCurrencyAndAmountsNeverMix() {
        billing.customerCurrency(a.customerId(), "EUR");
        InvalidInputException noList = assertThrows(InvalidInputException.class,
                () -> orders.quote(a.agent(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, null)));
        assertEquals("billing.error.noListPrice", noList.problems().get("product"));

        catalogue.setListPrice(provider, plan, Cycle.MONTHLY, "EUR", "90.00");
        InvalidInputException noOwn = assertThrows(InvalidInputException.class,
                () -> orders.quote(a.agent(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, null)));
        assertEquals("billing.error.noOwnPrice", noOwn.problems().get("product"));

        catalogue.setOwnPrice(a.admin(), plan, Cycle.MONTHLY, "EUR", "140.00");
        Quote quote = orders.quote(a.agent(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, null));
        assertEquals(new Money(new BigDecimal("140.00"), "EUR"), quote.retailTotal());
        assertEquals(new Money(new BigDecimal("81.00"), "EUR"), quote.wholesaleTotal());

        // the customer's USD balance cannot pay a EUR invoice
        accounts.addFunds(a.agent(), a.customerId(), null, "500.00", null); // lands in EUR: the customer's currency
        assertEquals("EUR", accounts.ofCustomer(a.agent(), a.customerId()).balance().currency());
        assertThrows(InvalidInputException.class, () -> catalogue.setOwnPrice(a.admin(), plan, Cycle.MONTHLY, "XYZ", "1.00"));
        assertThrows(InvalidInputException.class, () -> catalogue.setOwnPrice(a.admin(), plan, Cycle.MONTHLY, "EUR", "1.001"));
        assertThrows(InvalidInputException.class, () -> catalogue.setOwnPrice(a.admin(), plan, Cycle.MONTHLY, "EUR", "-5"));
    }

    @Test
    void renewalsAndTheMonthlyConsolidationBillOncePerPeriodAndTurnoverCountsWhatTheResellerPaid() {
        long server = billing.poolServer(provider, ram);
        accounts.addFunds(a.agent(), a.customerId(), null, "150.00", null);
        long orderId = orders.place(a.agent(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, null));
        accounts.pay(a.customer(), orders.ofReseller(a.admin()).get(0).invoiceId());
        HostingService service = billing.serviceOf(orderId);
        assertEquals(server, service.getServerId());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // the customer's renewal: issued a week before the next period, due on its first day, once
        int before = invoices.ofCustomer(a.customer()).size();
        assertEquals(0, renewals.renewCustomer(service.getId(), today));
        LocalDate weekBefore = service.getNextDueOn().minusDays(Renewals.DAYS_AHEAD);
        assertEquals(1, renewals.renewCustomer(service.getId(), weekBefore));
        assertEquals(0, renewals.renewCustomer(service.getId(), weekBefore));
        List<InvoiceView> mine = invoices.ofCustomer(a.customer());
        assertEquals(before + 1, mine.size());
        assertEquals(service.getNextDueOn(), mine.get(0).dueOn());

        // the provider's consolidated invoice for this month, at wholesale, once
        YearMonth month = YearMonth.from(today);
        assertEquals(1, renewals.consolidate(a.tenantId(), month, today));
        assertEquals(0, renewals.consolidate(a.tenantId(), month, today));
        List<InvoiceView> wholesale = invoices.ofReseller(a.admin(), InvoiceKind.WHOLESALE);
        assertEquals(1, wholesale.size());
        assertEquals(new Money(new BigDecimal("90.00"), "USD"), wholesale.get(0).total());
        assertTrue(invoices.wholesale(provider, a.tenantId()).stream().anyMatch(i -> i.id() == wholesale.get(0).id()));
        assertThrows(NotFoundException.class, () -> invoices.visible(b.admin(), wholesale.get(0).id()));

        // the reseller pays it from its balance with the provider; that payment is its turnover
        assertThrows(InvalidInputException.class, () -> accounts.pay(a.admin(), wholesale.get(0).id()));
        accounts.addFunds(provider, null, a.tenantId(), "100.00", "Wire");
        assertThrows(io.marque.portal.platform.ForbiddenException.class, () -> accounts.pay(a.agent(), wholesale.get(0).id()));
        accounts.pay(a.admin(), wholesale.get(0).id());
        assertEquals(0, new BigDecimal("90").compareTo(standings.turnover(a.tenantId(), today)));
        assertEquals(0, BigDecimal.ZERO.compareTo(standings.turnover(a.tenantId(), today.plusMonths(1))),
                "a month later the payment has left the window");
        assertNotNull(accounts.ofReseller(a.admin(), "USD"));
        assertEquals(new Money(new BigDecimal("10.00"), "USD"), accounts.ofReseller(a.admin(), "USD").balance());
    }
}
