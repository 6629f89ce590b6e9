package io.marque.portal.billing.account;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.MoneyField;
import io.marque.portal.billing.invoice.Invoice;
import io.marque.portal.billing.invoice.InvoiceKind;
import io.marque.portal.billing.invoice.InvoiceLine;
import io.marque.portal.billing.invoice.InvoicePaid;
import io.marque.portal.billing.invoice.InvoiceStatus;
import io.marque.portal.billing.invoice.Invoices;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Customer;
import io.marque.portal.identity.Fields;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.Users;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantKind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Balances and the money that moves them: funds added through a {@link PaymentMethod} (credited once
 * confirmed), invoices paid from a balance, refunds and credit notes. Every change of a balance is a
 * {@link LedgerEntry} written with it under the account's row lock, and audited. A customer's account
 * is with its reseller; a reseller's with the provider. Nothing converts currencies: an invoice is paid
 * from a balance in its own currency or not at all.
 */
@Stateless
public class Accounts {

    private static final char[] REFERENCE = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Users users;

    @Inject
    Invoices invoices;

    @Inject
    AuditRecorder audit;

    @Inject
    Instance<PaymentMethod> methods;

    @Inject
    Event<InvoicePaid> paid;

    @Inject
    io.marque.portal.billing.dunning.Dunning dunning;

    // ---- reading balances

    /** The signed-in customer's balance, in its currency. */
    public BalanceView mine(Actor actor) {
        actor.require(Role.CUSTOMER);
        Customer customer = customer(actor.tenantId(), users.customerId(actor));
        return view(account(actor.tenantId(), customer.getId(), currencyOf(customer)), false);
    }

    /** One customer's balance, for its reseller's staff. */
    public BalanceView ofCustomer(Actor actor, long customerId) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        Customer customer = customer(actor.tenantId(), customerId);
        return view(account(actor.tenantId(), customer.getId(), currencyOf(customer)), false);
    }

    /** The reseller's own balance with the provider in {@code currency} (its own currency when null). */
    public BalanceView ofReseller(Actor actor, String currency) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        return view(account(actor.tenantId(), null, currency == null ? tenant(actor.tenantId()).getCurrency() : currency), false);
    }

    /**
     * The reseller's own balances with the provider, one per currency it has an account in (by currency
     * code), its own currency always among them (zero until its account is opened).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Money> resellerBalances(Actor actor) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        String own = tenant(actor.tenantId()).getCurrency();
        List<Money> balances = new ArrayList<>(em.createQuery("select a from Account a where a.tenantId = :tenant"
                + " and a.customerKey = :key order by a.currency", Account.class).setParameter("tenant", actor.tenantId())
                .setParameter("key", Account.RESELLER).getResultStream().map(Account::balance).toList());
        if (balances.stream().noneMatch(b -> b.currency().equals(own))) {
            balances.add(Money.zero(own));
            balances.sort(java.util.Comparator.comparing(Money::currency));
        }
        return balances;
    }

    /** A reseller's balance, for provider staff. */
    public BalanceView ofResellerForProvider(Actor actor, long resellerId, String currency) {
        actor.require(Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
        Tenant reseller = reseller(resellerId);
        return view(account(resellerId, null, currency == null ? reseller.getCurrency() : currency), false);
    }

    /** Payments waiting for this actor's staff to confirm: a reseller's customers', or (provider) the resellers'. */
    public List<BalanceView.PaymentView> pending(Actor actor) {
        boolean provider = actor.hasAny(Role.PROVIDER_STAFF);
        if (!provider) {
            actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        }
        var query = em.createQuery("select p, a from Payment p, Account a where a.id = p.accountId"
                + " and p.status = io.marque.portal.billing.account.PaymentStatus.PENDING"
                + (provider ? " and a.customerKey = 0" : " and p.tenantId = :tenant and a.customerKey <> 0")
                + " order by p.id", Object[].class).setMaxResults(500);
        if (!provider) {
            query.setParameter("tenant", actor.tenantId());
        }
        List<Object[]> rows = query.getResultList();
        Map<Long, String> holders = new HashMap<>();
        List<BalanceView.PaymentView> views = new ArrayList<>();
        for (Object[] row : rows) {
            Payment p = (Payment) row[0];
            Account a = (Account) row[1];
            String holder = holders.computeIfAbsent(a.getId(), id -> a.isReseller() ? tenant(a.getTenantId()).getName()
                    : customer(a.getTenantId(), a.getCustomerId()).getName());
            views.add(new BalanceView.PaymentView(p.getId(), holder, p.getMethod(), p.amount(), p.getReference(), p.getStatus(),
                    p.getCreatedAt()));
        }
        return views;
    }

    // ---- adding funds

    /**
     * A customer (to its balance with the reseller) or a reseller admin (to its balance with the
     * provider) asks to add funds; the payment waits for confirmation.
     */
    public PaymentMethod.Instructions requestFunds(Actor actor, String amount, String methodName) {
        PaymentMethod method = method(methodName);
        Account account;
        String payeeDetails;
        if (actor.has(Role.CUSTOMER)) {
            Customer customer = customer(actor.tenantId(), users.customerId(actor));
            account = account(actor.tenantId(), customer.getId(), currencyOf(customer));
            payeeDetails = invoices.settingsOf(actor.tenantId()).getBankDetails();
        } else {
            actor.require(Role.RESELLER_ADMIN);
            account = account(actor.tenantId(), null, tenant(actor.tenantId()).getCurrency());
            payeeDetails = invoices.settingsOf(invoices.providerId()).getBankDetails();
        }
        Money money = MoneyField.positive("amount", amount, account.getCurrency());
        Payment payment = new Payment(account, method.name(), money, reference(), Instant.now());
        em.persist(payment);
        audit.record(actor, "funds.requested", payment.getReference(), money + " by " + method.name());
        return method.begin(payment, payeeDetails);
    }

    /** Staff confirm (or reject) a pending payment of an account they hold: reseller staff their customers', provider staff the resellers'. */
    public void decide(Actor actor, long paymentId, boolean confirmed) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null) {
            throw new NotFoundException("Payment");
        }
        Account account = lockedAccount(payment.getAccountId());
        requireHolderStaff(actor, account);
        if (payment.getStatus() != PaymentStatus.PENDING) {
            throw new InvalidInputException("", "billing.error.paymentDecided");
        }
        payment.decide(confirmed ? PaymentStatus.CONFIRMED : PaymentStatus.REJECTED, actor.email(), Instant.now());
        if (confirmed) {
            post(account, LedgerKind.DEPOSIT, payment.amount(), null, payment.getId(), "Payment " + payment.getReference(), actor.email());
        }
        audit.recordOn(account.getTenantId(), actor, confirmed ? "funds.confirmed" : "funds.rejected", payment.getReference(),
                payment.amount().toString());
    }

    /** Staff record funds that arrived (a transfer received, cash): confirmed at once. */
    public void addFunds(Actor actor, Long customerId, Long resellerId, String amount, String note) {
        Account account;
        if (actor.hasAny(Role.PROVIDER_STAFF)) {
            actor.require(Role.PROVIDER_ADMIN);
            Tenant reseller = reseller(resellerId == null ? -1 : resellerId);
            account = lockedAccount(account(reseller.getId(), null, reseller.getCurrency()).getId());
        } else {
            actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
            Customer customer = customer(actor.tenantId(), customerId == null ? -1 : customerId);
            account = lockedAccount(account(actor.tenantId(), customer.getId(), currencyOf(customer)).getId());
        }
        Money money = MoneyField.positive("amount", amount, account.getCurrency());
        String why = Fields.optionalText("note", note, 300);
        Payment payment = new Payment(account, BankTransfer.NAME, money, reference(), Instant.now());
        payment.decide(PaymentStatus.CONFIRMED, actor.email(), Instant.now());
        em.persist(payment);
        em.flush();
        post(account, LedgerKind.DEPOSIT, money, null, payment.getId(), why == null ? "Payment " + payment.getReference() : why,
                actor.email());
        audit.recordOn(account.getTenantId(), actor, "funds.added", payment.getReference(), money.toString());
    }

    // ---- paying, refunding, crediting

    /**
     * Pays an invoice from the balance it is owed from: a customer its own invoice, reseller staff a
     * customer's invoice from that customer's balance, a reseller admin the provider's invoice from its
     * own balance. The balance must cover the whole total, in the invoice's currency.
     */
    public void pay(Actor actor, long invoiceId) {
        Invoice invoice = invoices.visible(actor, invoiceId);
        if (actor.hasAny(Role.PROVIDER_STAFF)) {
            throw new NotFoundException("Invoice");
        }
        if (invoice.getKind() == InvoiceKind.WHOLESALE) {
            actor.require(Role.RESELLER_ADMIN);
        }
        em.lock(invoice, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(invoice);
        if (invoice.getStatus() != InvoiceStatus.ISSUED || invoice.getKind() == InvoiceKind.CREDIT_NOTE) {
            throw new InvalidInputException("", "billing.error.notPayable");
        }
        Account account = lockedAccount(account(invoice.getTenantId(),
                invoice.getKind() == InvoiceKind.WHOLESALE ? null : invoice.getCustomerId(), invoice.getCurrency()).getId());
        if (account.balance().compareTo(invoice.total()) < 0) {
            throw new InvalidInputException("", "billing.error.balanceShort");
        }
        post(account, LedgerKind.INVOICE_PAYMENT, invoice.total().negate(), invoice.getId(), null, "Invoice " + invoice.getNumber(),
                actor.email());
        invoice.markPaid(Instant.now());
        dunning.restore(invoice.getId());
        audit.recordOn(invoice.getTenantId(), actor, "invoice.paid", invoice.getNumber(), invoice.total().toString());
        paid.fire(new InvoicePaid(invoice.getId(), invoice.getTenantId(), invoice.getKind()));
    }

    /** A reseller admin pays money back out of a customer's balance (by transfer, outside Marque). */
    public void refund(Actor actor, long customerId, String amount, String note) {
        actor.require(Role.RESELLER_ADMIN);
        Customer customer = customer(actor.tenantId(), customerId);
        Account account = lockedAccount(account(actor.tenantId(), customer.getId(), currencyOf(customer)).getId());
        Money money = MoneyField.positive("amount", amount, account.getCurrency());
        String why = Fields.text("note", note, 300);
        if (account.balance().compareTo(money) < 0) {
            throw new InvalidInputException("amount", "billing.error.balanceShort");
        }
        post(account, LedgerKind.REFUND, money.negate(), null, null, why, actor.email());
        audit.record(actor, "funds.refunded", customer.getName(), money + ": " + why);
    }

    /**
     * A reseller admin credits part or all of a paid customer invoice: a credit note (its own number in
     * the reseller's series, negative amounts; the amount typed is net, and the note adds the reseller's
     * tax on it as the invoice did) whose total goes back on the customer's balance. The credits of one
     * invoice never exceed its total; a refused note is rolled back with its number.
     */
    public Invoice creditNote(Actor actor, long invoiceId, String amount, String reason) {
        actor.require(Role.RESELLER_ADMIN);
        Invoice original = invoices.visible(actor, invoiceId);
        em.lock(original, LockModeType.PESSIMISTIC_WRITE);
        if (original.getKind() != InvoiceKind.CUSTOMER || original.getStatus() != InvoiceStatus.PAID) {
            throw new InvalidInputException("", "billing.error.notCreditable");
        }
        Money money = MoneyField.positive("amount", amount, original.getCurrency());
        String why = Fields.text("reason", reason, 200);
        Money credited = em.createQuery("select i from Invoice i where i.tenantId = :tenant and i.creditedInvoiceId = :original",
                Invoice.class).setParameter("tenant", original.getTenantId()).setParameter("original", original.getId())
                .getResultList().stream().map(Invoice::total).reduce(Money.zero(original.getCurrency()), Money::plus).negate();
        // the amount is net, like an invoice line: the note carries the reseller's tax on it, as the invoice did
        Invoice note = invoices.issue(original.getTenantId(), InvoiceKind.CREDIT_NOTE, original.getCustomerId(), original.getCurrency(),
                List.of(new InvoiceLine.Draft(why + " (" + original.getNumber() + ")", io.marque.portal.billing.discount.Category.OTHER,
                        1, money.negate(), null, null)), LocalDate.now(ZoneOffset.UTC));
        if (credited.plus(note.total().negate()).compareTo(original.total()) > 0) {
            throw new InvalidInputException("amount", "billing.error.creditTooLarge");
        }
        note.setCreditedInvoiceId(original.getId());
        note.markPaid(Instant.now());
        Account account = lockedAccount(account(original.getTenantId(), original.getCustomerId(), original.getCurrency()).getId());
        post(account, LedgerKind.CREDIT, note.total().negate(), note.getId(), null, "Credit note " + note.getNumber(), actor.email());
        audit.record(actor, "invoice.credited", original.getNumber(), note.getNumber() + " " + note.total().negate());
        return note;
    }

    // ---- internals

    /** The holder's account in {@code currency}, opened with a zero balance on first use. */
    public Account account(long tenantId, Long customerId, String currency) {
        String code = Money.code(currency);
        return em.createNamedQuery("Account.of", Account.class).setParameter("tenant", tenantId)
                .setParameter("key", customerId == null ? Account.RESELLER : customerId).setParameter("currency", code)
                .getResultStream().findFirst().orElseGet(() -> {
                    Account created = new Account(tenantId, customerId, code);
                    em.persist(created);
                    em.flush();
                    return created;
                });
    }

    private Account lockedAccount(long accountId) {
        return em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    }

    private void post(Account account, LedgerKind kind, Money amount, Long invoiceId, Long paymentId, String note, String actor) {
        Money after = account.apply(amount);
        em.persist(new LedgerEntry(account, kind, amount, after, invoiceId, paymentId, note, actor, Instant.now()));
    }

    private void requireHolderStaff(Actor actor, Account account) {
        if (account.isReseller()) {
            if (!actor.has(Role.PROVIDER_ADMIN)) {
                throw new NotFoundException("Payment");
            }
        } else if (account.getTenantId() != actor.tenantId() || !actor.hasAny(Role.RESELLER_STAFF)) {
            throw new NotFoundException("Payment");
        }
    }

    private BalanceView view(Account account, boolean withHolder) {
        List<BalanceView.Movement> movements = em.createNamedQuery("LedgerEntry.ofAccount", LedgerEntry.class)
                .setParameter("tenant", account.getTenantId()).setParameter("account", account.getId()).setMaxResults(50)
                .getResultList().stream()
                .map(e -> new BalanceView.Movement(e.getCreatedAt(), e.getKind(), e.amount(), e.balanceAfter(), e.getNote()))
                .toList();
        List<BalanceView.PaymentView> payments = em.createNamedQuery("Payment.ofAccount", Payment.class)
                .setParameter("tenant", account.getTenantId()).setParameter("account", account.getId()).setMaxResults(20)
                .getResultList().stream()
                .map(p -> new BalanceView.PaymentView(p.getId(), null, p.getMethod(), p.amount(), p.getReference(), p.getStatus(),
                        p.getCreatedAt()))
                .toList();
        return new BalanceView(account.getId(), account.balance(), movements, payments);
    }

    private PaymentMethod method(String name) {
        for (PaymentMethod method : methods) {
            if (method.name().equals(name)) {
                return method;
            }
        }
        throw new InvalidInputException("method", "billing.error.method");
    }

    public List<String> methodNames() {
        return methods.stream().map(PaymentMethod::name).sorted().toList();
    }

    private Customer customer(long tenantId, long customerId) {
        Customer customer = em.find(Customer.class, customerId);
        if (customer == null || customer.getTenantId() != tenantId) {
            throw new NotFoundException("Customer");
        }
        return customer;
    }

    /** The currency a customer is billed in: its own when set, else its reseller's. */
    public String currencyOf(Customer customer) {
        return customer.getCurrency() != null ? customer.getCurrency() : tenant(customer.getTenantId()).getCurrency();
    }

    private Tenant tenant(long tenantId) {
        return em.find(Tenant.class, tenantId);
    }

    private Tenant reseller(long resellerId) {
        Tenant tenant = em.find(Tenant.class, resellerId);
        if (tenant == null || tenant.getKind() != TenantKind.RESELLER) {
            throw new NotFoundException("Reseller");
        }
        return tenant;
    }

    private static String reference() {
        StringBuilder reference = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                reference.append('-');
            }
            reference.append(REFERENCE[RANDOM.nextInt(REFERENCE.length)]);
        }
        return reference.toString();
    }
}
