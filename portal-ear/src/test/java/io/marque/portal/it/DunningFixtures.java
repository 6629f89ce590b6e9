package io.marque.portal.it;

import io.marque.portal.audit.Activity;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.catalogue.Product;
import io.marque.portal.billing.catalogue.ProductKind;
import io.marque.portal.billing.discount.Category;
import io.marque.portal.billing.dunning.Dunning;
import io.marque.portal.billing.invoice.BillingSettings;
import io.marque.portal.billing.invoice.Invoice;
import io.marque.portal.billing.invoice.InvoiceKind;
import io.marque.portal.billing.invoice.InvoiceLine;
import io.marque.portal.billing.invoice.InvoiceTotals;
import io.marque.portal.billing.order.CustomerOrder;
import io.marque.portal.billing.order.HostingService;
import io.marque.portal.mail.OutboxMail;
import io.marque.portal.server.Server;
import io.marque.portal.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Invoices for the dunning tests, written straight into the database as the invoicing code would leave
 * them: an order, the service it became on a given server, and an unpaid invoice billing that service.
 * Also the reads the tests check against: the rows as they are now, the outbox and the activity log.
 */
@ApplicationScoped
public class DunningFixtures {

    /** The amount every fixture invoice bills, without tax. */
    public static final String AMOUNT = "100.00";

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    @Inject
    Dunning dunning;

    /** What a fixture invoice bills: the service on it, and the order that service came from. */
    public record Billed(long invoiceId, String number, long serviceId, long orderId, long serverId) {
    }

    /** The reseller's late fee to its customers (a row of its billing settings, made when missing). */
    @Transactional
    public void lateFee(long tenantId, String amount) {
        BillingSettings settings = em.find(BillingSettings.class, tenantId);
        if (settings == null) {
            settings = new BillingSettings(tenantId, "T" + tenantId);
            em.persist(settings);
        }
        settings.setLateFee(new BigDecimal(amount));
    }

    /**
     * An unpaid customer invoice of the reseller's fixture customer, due on {@code due}, billing a service on
     * {@code serverId}; with {@code byOrder} the line names the order (an order's first invoice), else the
     * service (a renewal).
     */
    @Transactional
    public Billed customerInvoice(Fixtures.Reseller reseller, long serverId, LocalDate due, String currency,
            boolean byOrder) {
        return invoice(reseller, reseller.tenantId(), InvoiceKind.CUSTOMER, reseller.customerId(), serverId, due,
                currency, byOrder);
    }

    /** An unpaid wholesale invoice from the provider to the reseller, due on {@code due}, billing a service on {@code serverId}. */
    @Transactional
    public Billed wholesaleInvoice(Fixtures.Reseller reseller, long serverId, LocalDate due) {
        long provider = em.createNamedQuery("Tenant.provider", Tenant.class).getSingleResult().getId();
        return invoice(reseller, provider, InvoiceKind.WHOLESALE, null, serverId, due, "USD", false);
    }

    private Billed invoice(Fixtures.Reseller reseller, long issuerId, InvoiceKind kind, Long customerId, long serverId,
            LocalDate due, String currency, boolean byOrder) {
        long tenantId = reseller.tenantId();
        Instant now = Instant.now();
        String unique = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Product product = new Product("it-dunning-" + unique, "Dunning plan " + unique, "A plan for the dunning tests",
                Category.DEDICATED, ProductKind.PLAN, null, now);
        em.persist(product);
        em.flush();
        Money amount = new Money(new BigDecimal(AMOUNT), currency);
        CustomerOrder order = new CustomerOrder(tenantId, reseller.customerId(), product.getId(), Cycle.MONTHLY, amount,
                amount, null, "fixture", now);
        em.persist(order);
        em.flush();
        HostingService service = new HostingService(order, serverId, due.minusMonths(1), now);
        em.persist(service);
        InvoiceTotals totals = InvoiceTotals.of(List.of(amount), currency, null, BigDecimal.ZERO);
        String number = (kind == InvoiceKind.WHOLESALE ? "ITW-" : "ITC-") + unique;
        Invoice invoice = new Invoice(tenantId, issuerId, kind, customerId, number, totals, due.minusDays(14), due, now);
        em.persist(invoice);
        em.flush();
        em.persist(new InvoiceLine(invoice, 1, new InvoiceLine.Draft("Dedicated server, one month", Category.DEDICATED, 1,
                amount, byOrder ? order.getId() : null, byOrder ? null : service.getId())));
        em.flush();
        return new Billed(invoice.getId(), number, service.getId(), order.getId(), serverId);
    }

    /** The payment code's part: the invoice is paid, and what dunning suspended comes back, in one transaction. */
    @Transactional
    public int pay(long invoiceId) {
        em.find(Invoice.class, invoiceId).markPaid(Instant.now());
        return dunning.restore(invoiceId);
    }

    /** Voids an invoice left behind, so later runs leave it alone. */
    @Transactional
    public void voidInvoice(long invoiceId) {
        em.find(Invoice.class, invoiceId).markVoid();
    }

    @Transactional
    public Invoice invoice(long invoiceId) {
        return em.find(Invoice.class, invoiceId);
    }

    @Transactional
    public List<InvoiceLine> lines(Invoice invoice) {
        return em.createNamedQuery("InvoiceLine.ofInvoice", InvoiceLine.class).setParameter("tenant", invoice.getTenantId())
                .setParameter("invoice", invoice.getId()).getResultList();
    }

    @Transactional
    public HostingService service(long serviceId) {
        return em.find(HostingService.class, serviceId);
    }

    @Transactional
    public Server server(long serverId) {
        return em.find(Server.class, serverId);
    }

    /** The mails a tenant's outbox holds about an invoice number, oldest first. */
    @Transactional
    public List<OutboxMail> mails(long tenantId, String number) {
        return em.createQuery("select m from OutboxMail m where m.tenantId = :t and m.subject like :n order by m.id",
                OutboxMail.class).setParameter("t", tenantId).setParameter("n", "%" + number + "%").getResultList();
    }

    /** The actions a tenant's activity log holds about a target, oldest first. */
    @Transactional
    public List<Activity> activity(long tenantId, String target) {
        return em.createQuery("select a from Activity a where a.tenantId = :t and a.target = :target order by a.id",
                Activity.class).setParameter("t", tenantId).setParameter("target", target).getResultList();
    }

    @Transactional
    public long providerId() {
        return em.createNamedQuery("Tenant.provider", Tenant.class).getSingleResult().getId();
    }
}
