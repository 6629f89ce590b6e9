package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.audit.Activity;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.dunning.Dunning;
import io.marque.portal.billing.invoice.DunningStep;
import io.marque.portal.billing.invoice.Invoice;
import io.marque.portal.billing.invoice.InvoiceLine;
import io.marque.portal.billing.order.ServiceStatus;
import io.marque.portal.identity.Actor;
import io.marque.portal.mail.OutboxMail;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.server.ResellerServers;
import io.marque.portal.server.Server;
import io.marque.portal.server.ServerActions;
import io.marque.portal.server.ServerStatus;
import io.marque.portal.server.SuspensionCause;
import io.marque.portal.server.driver.PowerAction;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dunning timeline of issue 5 inside the server, against PostgreSQL, with the clock in the test's
 * hands: {@link Dunning#run} is called with the days the test chooses (the timer is off in the tests).
 * Invoices are due a month from the real today, so the real date never reaches them and the extension
 * rules ("not before today") hold for every day the tests pretend it is.
 *
 * <p>{@code run} takes every unpaid invoice in the database, other tests' too, so the tests check their own
 * invoices' state rather than its count, except that a second run on the same day takes nothing at all.
 */
@ExtendWith(ArquillianExtension.class)
class DunningIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(DunningIT.class, DunningFixtures.class, DunningFixtures.Billed.class,
                ServerFixtures.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    ServerFixtures servers;

    @Inject
    DunningFixtures billing;

    @Inject
    Dunning dunning;

    @Inject
    ServerActions actions;

    @Inject
    ResellerServers resellerServers;

    private Fixtures.Reseller a;
    private Fixtures.Reseller b;
    private Actor provider;
    private LocalDate due;

    @BeforeEach
    void resellersAndADueDate() {
        a = fixtures.reseller("dunning-a");
        b = fixtures.reseller("dunning-b");
        provider = fixtures.providerAdmin();
        due = LocalDate.now().plusDays(30);
        billing.lateFee(a.tenantId(), "5.00");
    }

    @Test
    void aCustomerInvoiceIsRemindedMadeOverdueChargedSuspendedAndEndedEachStepOnceInTheResellersBrand() {
        long serverId = servers.assigned(provider, a, "dunning");
        DunningFixtures.Billed bill = billing.customerInvoice(a, serverId, due, "USD", false);

        dunning.run(due.minusDays(4));
        assertEquals(DunningStep.NONE, step(bill), "four days before the due date nothing happens");
        assertTrue(customerMails(bill).isEmpty());

        dunning.run(due.minusDays(3));
        assertEquals(DunningStep.REMINDED, step(bill));
        assertEquals(1, customerMails(bill).size());
        assertEquals(0, dunning.run(due.minusDays(3)), "the same day again takes nothing");
        assertEquals(1, customerMails(bill).size(), "the reminder went once");

        dunning.run(due);
        assertEquals(DunningStep.REMINDED, step(bill), "on the due date it is not late yet");
        dunning.run(due.plusDays(1));
        assertEquals(DunningStep.OVERDUE, step(bill));
        assertEquals(2, customerMails(bill).size());

        dunning.run(due.plusDays(3));
        Invoice charged = billing.invoice(bill.invoiceId());
        assertEquals(DunningStep.LATE_FEE, charged.getDunningStep());
        assertEquals(usd("5.00"), charged.lateFee());
        assertEquals(usd("105.00"), charged.total(), "the total grows by the fee");
        assertEquals(usd(DunningFixtures.AMOUNT), charged.subtotal());
        List<InvoiceLine> lines = billing.lines(charged);
        assertEquals(1, lines.size(), "the lines are unchanged");
        assertEquals(0, new BigDecimal(DunningFixtures.AMOUNT).compareTo(lines.get(0).getAmount()));
        assertEquals(0, dunning.run(due.plusDays(3)), "the same day again takes nothing");
        dunning.run(due.plusDays(4));
        assertEquals(DunningStep.LATE_FEE, step(bill));
        assertEquals(usd("105.00"), billing.invoice(bill.invoiceId()).total(), "the fee is charged once");
        assertEquals(3, customerMails(bill).size());

        assertEquals(ServiceStatus.ACTIVE, billing.service(bill.serviceId()).getStatus());
        dunning.run(due.plusDays(5));
        assertEquals(DunningStep.SUSPENDED, step(bill));
        assertEquals(ServiceStatus.SUSPENDED, billing.service(bill.serviceId()).getStatus());
        Server suspended = billing.server(serverId);
        assertEquals(ServerStatus.SUSPENDED, suspended.getStatus());
        assertEquals(SuspensionCause.RESELLER, suspended.getSuspensionCause(), "the reseller's, which the reseller may lift");
        assertEquals("Suspended: invoice " + bill.number() + " is overdue", actions.view(a.customer(), serverId).suspensionNote(),
                "the customer reads why, in the reseller's words");
        assertThrows(InvalidInputException.class, () -> actions.power(a.customer(), serverId, PowerAction.ON));
        assertEquals(4, customerMails(bill).size(), "the suspension is mailed");

        dunning.run(due.plusDays(6));
        assertEquals(DunningStep.SUSPENDED, step(bill));
        dunning.run(due.plusDays(7));
        assertEquals(DunningStep.TERMINATED, step(bill), "7 days after the due date");
        assertEquals(ServiceStatus.TERMINATED, billing.service(bill.serviceId()).getStatus());
        Server ended = billing.server(serverId);
        assertNull(ended.getCustomerId(), "taken back from the customer");
        assertEquals(a.tenantId(), ended.getTenantId(), "the reseller keeps the server");
        assertEquals(ServerStatus.ACTIVE, ended.getStatus(), "the reseller's own suspension ends with the customer's service");
        assertThrows(NotFoundException.class, () -> actions.view(a.customer(), serverId));
        dunning.run(due.plusDays(30));
        assertEquals(DunningStep.TERMINATED, step(bill), "nothing after the end");

        List<OutboxMail> mails = customerMails(bill);
        assertEquals(5, mails.size(), "one mail per step");
        for (OutboxMail mail : mails) {
            assertEquals("support@" + a.host(), mail.getSender(), "in the reseller's brand: " + mail.getSubject());
        }
        assertTrue(billing.mails(billing.providerId(), bill.number()).isEmpty(), "the provider mails nothing about it");

        List<String> log = actions(a.tenantId(), bill.number());
        assertEquals(List.of("invoice.dunning.reminded", "invoice.dunning.overdue", "invoice.dunning.lateFee",
                "invoice.dunning.suspended", "invoice.dunning.terminated"), log);
        assertTrue(billing.activity(a.tenantId(), bill.number()).stream().allMatch(e -> "billing".equals(e.getActor())));
        assertTrue(actions(billing.providerId(), bill.number()).isEmpty(),
                "a customer invoice is the reseller's business, not in the provider's log");
        assertTrue(actions(a.tenantId(), ended.getHostname()).containsAll(List.of("server.suspended", "server.customer.removed")));
    }

    @Test
    void stepsMissedTogetherAreTakenTogetherAndAServiceBilledByItsOrderIsFound() {
        long serverId = servers.assigned(provider, a, "dunning-late");
        DunningFixtures.Billed bill = billing.customerInvoice(a, serverId, due, "USD", true);

        dunning.run(due.plusDays(5));
        assertEquals(DunningStep.SUSPENDED, step(bill), "the job was down: every step due is taken in one run");
        assertEquals(List.of("invoice.dunning.reminded", "invoice.dunning.overdue", "invoice.dunning.lateFee",
                "invoice.dunning.suspended"), actions(a.tenantId(), bill.number()));
        assertEquals(4, customerMails(bill).size());
        assertEquals(ServiceStatus.SUSPENDED, billing.service(bill.serviceId()).getStatus(), "the order's service");
        assertEquals(ServerStatus.SUSPENDED, billing.server(serverId).getStatus());
    }

    @Test
    void aPaidInvoiceStopsEverythingAndBringsItsServicesBack() {
        long paidEarly = servers.assigned(provider, a, "dunning-early");
        DunningFixtures.Billed early = billing.customerInvoice(a, paidEarly, due, "USD", false);
        assertEquals(0, billing.pay(early.invoiceId()));
        dunning.run(due.plusDays(10));
        assertEquals(DunningStep.NONE, step(early), "a paid invoice takes no step");
        assertTrue(customerMails(early).isEmpty());

        long serverId = servers.assigned(provider, a, "dunning-paid");
        DunningFixtures.Billed bill = billing.customerInvoice(a, serverId, due, "USD", false);
        dunning.run(due.plusDays(5));
        assertEquals(ServerStatus.SUSPENDED, billing.server(serverId).getStatus());
        int mailed = customerMails(bill).size();

        assertEquals(1, billing.pay(bill.invoiceId()), "the service comes back");
        assertEquals(ServiceStatus.ACTIVE, billing.service(bill.serviceId()).getStatus());
        Server back = billing.server(serverId);
        assertEquals(ServerStatus.ACTIVE, back.getStatus());
        assertNull(back.getSuspensionNote());
        assertEquals(a.customerId(), back.getCustomerId());

        dunning.run(due.plusDays(7));
        dunning.run(due.plusDays(30));
        assertEquals(DunningStep.SUSPENDED, step(bill), "no step after the payment");
        assertEquals(ServiceStatus.ACTIVE, billing.service(bill.serviceId()).getStatus(), "not terminated");
        assertEquals(a.customerId(), billing.server(serverId).getCustomerId());
        assertEquals(mailed, customerMails(bill).size(), "no more mail");
        assertTrue(actions(a.tenantId(), bill.number()).contains("invoice.dunning.restored"));
    }

    @Test
    void anExtendedWholesaleInvoiceWaitsForItsNewDateThenTheProviderTakesTheServersBack() {
        long serverId = servers.assigned(provider, a, "dunning-wholesale");
        DunningFixtures.Billed bill = billing.wholesaleInvoice(a, serverId, due);
        long providerId = billing.providerId();

        dunning.run(due.plusDays(1));
        assertEquals(DunningStep.OVERDUE, step(bill));
        assertEquals(2, resellerMails(bill).size(), "reminded and overdue, to the reseller's admin");

        LocalDate extended = due.plusDays(10);
        dunning.extend(provider, bill.invoiceId(), extended); // on due+2
        assertEquals(extended, billing.invoice(bill.invoiceId()).effectiveDueOn());
        for (int day : new int[] {3, 5, 7, 10, 11, 12}) {
            dunning.run(due.plusDays(day));
            assertEquals(DunningStep.OVERDUE, step(bill), "nothing past overdue on due+" + day);
        }
        assertEquals(ServiceStatus.ACTIVE, billing.service(bill.serviceId()).getStatus());
        assertEquals(ServerStatus.ACTIVE, billing.server(serverId).getStatus());
        assertEquals(2, resellerMails(bill).size(), "overdue is not mailed again for the new date");

        dunning.run(extended.plusDays(3));
        Invoice charged = billing.invoice(bill.invoiceId());
        assertEquals(DunningStep.LATE_FEE, charged.getDunningStep());
        assertEquals(charged.subtotal().plus(charged.tax()).plus(charged.lateFee()), charged.total(),
                "whatever the provider's fee, the total is the lines plus tax plus fee");
        assertEquals(1, billing.lines(charged).size());

        dunning.run(extended.plusDays(5));
        assertEquals(DunningStep.SUSPENDED, step(bill));
        Server suspended = billing.server(serverId);
        assertEquals(SuspensionCause.PROVIDER, suspended.getSuspensionCause());
        assertNull(actions.view(a.customer(), serverId).suspensionNote(), "the provider's reasons never reach the customer");
        InvalidInputException lift = assertThrows(InvalidInputException.class, () -> resellerServers.unsuspend(a.admin(), serverId));
        assertEquals("server.error.providerSuspension", lift.problems().get(""));

        dunning.run(extended.plusDays(7));
        assertEquals(DunningStep.TERMINATED, step(bill));
        assertEquals(ServiceStatus.TERMINATED, billing.service(bill.serviceId()).getStatus());
        Server pooled = billing.server(serverId);
        assertNull(pooled.getTenantId(), "back in the provider's pool");
        assertNull(pooled.getCustomerId());
        assertEquals(ServerStatus.TERMINATED, pooled.getStatus(), "until the provider makes it ready for a new reseller");
        assertThrows(NotFoundException.class, () -> actions.view(a.admin(), serverId));

        for (OutboxMail mail : resellerMails(bill)) {
            assertTrue(mail.getSubject().contains(bill.number()));
        }
        assertTrue(resellerMails(bill).size() >= 4, "suspension and termination mailed too (and the fee, if the provider has one)");
        assertEquals(resellerMails(bill).size(), billing.mails(providerId, bill.number()).size(),
                "all in the provider's brand, to the reseller");
        List<String> inProviderLog = actions(providerId, bill.number());
        assertTrue(inProviderLog.containsAll(List.of("invoice.extended", "invoice.dunning.suspended",
                "invoice.dunning.terminated")), inProviderLog.toString());
        assertTrue(actions(a.tenantId(), bill.number()).containsAll(List.of("invoice.extended",
                "invoice.dunning.suspended", "invoice.dunning.terminated")), "and in the reseller's");

        InvalidInputException late = assertThrows(InvalidInputException.class,
                () -> dunning.extend(provider, bill.invoiceId(), due.plusDays(20)));
        assertEquals("dunning.error.terminated", late.problems().get(""), "an extension cannot undo a termination");
    }

    @Test
    void onlyTheInvoicesOwnerMayExtendWithinTheRules() {
        DunningFixtures.Billed own = billing.customerInvoice(a, servers.assigned(provider, a, "dunning-ext"), due, "USD", false);
        DunningFixtures.Billed wholesale = billing.wholesaleInvoice(a, servers.assigned(provider, a, "dunning-ext-w"), due);

        assertThrows(NotFoundException.class, () -> dunning.extend(b.admin(), own.invoiceId(), due.plusDays(5)),
                "another reseller's admin");
        assertThrows(NotFoundException.class, () -> dunning.extend(b.admin(), wholesale.invoiceId(), due.plusDays(5)));
        assertThrows(NotFoundException.class, () -> dunning.extend(provider, own.invoiceId(), due.plusDays(5)),
                "the provider never reaches a reseller's customer invoice");
        assertThrows(NotFoundException.class, () -> dunning.extend(a.admin(), Long.MAX_VALUE, due.plusDays(5)));
        assertThrows(ForbiddenException.class, () -> dunning.extend(a.admin(), wholesale.invoiceId(), due.plusDays(5)),
                "a reseller does not extend what it owes the provider");
        assertThrows(ForbiddenException.class, () -> dunning.extend(a.agent(), own.invoiceId(), due.plusDays(5)));
        assertThrows(ForbiddenException.class, () -> dunning.extend(a.customer(), own.invoiceId(), due.plusDays(5)));

        assertEquals("dunning.error.until.notLater", refused(a.admin(), own, due));
        assertEquals("dunning.error.until.tooLate", refused(a.admin(), own, due.plusDays(Dunning.MAX_EXTENSION_DAYS + 1)));
        assertEquals("error.required", refused(a.admin(), own, null));
        assertEquals(due, billing.invoice(own.invoiceId()).effectiveDueOn(), "refused extensions change nothing");

        dunning.extend(a.admin(), own.invoiceId(), due.plusDays(Dunning.MAX_EXTENSION_DAYS));
        assertEquals(due.plusDays(Dunning.MAX_EXTENSION_DAYS), billing.invoice(own.invoiceId()).effectiveDueOn());
        assertEquals("dunning.error.until.notLater", refused(a.admin(), own, due.plusDays(10)),
                "an extension does not shorten an earlier one");
        assertTrue(actions(a.tenantId(), own.number()).contains("invoice.extended"));

        billing.pay(wholesale.invoiceId());
        assertEquals("dunning.error.notUnpaid", refused(provider, wholesale, due.plusDays(5)));
        billing.voidInvoice(own.invoiceId());
    }

    @Test
    void oneInvoiceThatFailsDoesNotHoldUpTheOthers() {
        Fixtures.Reseller yen = fixtures.reseller("dunning-yen");
        // a fee in cents cannot be charged on a yen invoice: this invoice's late fee step fails every time
        billing.lateFee(yen.tenantId(), "1.50");
        DunningFixtures.Billed broken = billing.customerInvoice(yen, servers.assigned(provider, yen, "dunning-yen"), due,
                "JPY", false);
        DunningFixtures.Billed fine = billing.customerInvoice(a, servers.assigned(provider, a, "dunning-fine"), due, "USD",
                false);
        try {
            dunning.run(due.plusDays(3));
            assertEquals(DunningStep.LATE_FEE, step(fine), "the other invoice went on");
            assertEquals(DunningStep.NONE, step(broken), "the failed invoice's steps were all rolled back together");
            assertTrue(billing.mails(yen.tenantId(), broken.number()).isEmpty(), "and so were its mails");
            assertTrue(actions(yen.tenantId(), broken.number()).isEmpty());
        } finally {
            billing.voidInvoice(broken.invoiceId());
        }
    }

    private DunningStep step(DunningFixtures.Billed bill) {
        return billing.invoice(bill.invoiceId()).getDunningStep();
    }

    private List<OutboxMail> customerMails(DunningFixtures.Billed bill) {
        return billing.mails(a.tenantId(), bill.number()).stream().filter(m -> m.getRecipient().equals(a.customerEmail()))
                .toList();
    }

    private List<OutboxMail> resellerMails(DunningFixtures.Billed bill) {
        List<OutboxMail> mails = billing.mails(billing.providerId(), bill.number()).stream()
                .filter(m -> m.getRecipient().equals(a.adminEmail())).toList();
        assertFalse(mails.stream().anyMatch(m -> m.getRecipient().equals(a.customerEmail())));
        return mails;
    }

    private List<String> actions(long tenantId, String target) {
        return billing.activity(tenantId, target).stream().map(Activity::getAction).toList();
    }

    private String refused(Actor actor, DunningFixtures.Billed bill, LocalDate until) {
        return assertThrows(InvalidInputException.class, () -> dunning.extend(actor, bill.invoiceId(), until)).problems()
                .values().iterator().next();
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }
}
