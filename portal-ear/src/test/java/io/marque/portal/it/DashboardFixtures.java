package io.marque.portal.it;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.catalogue.Product;
import io.marque.portal.billing.catalogue.ProductKind;
import io.marque.portal.billing.discount.Category;
import io.marque.portal.billing.invoice.Invoice;
import io.marque.portal.billing.invoice.InvoiceKind;
import io.marque.portal.billing.invoice.InvoiceTotals;
import io.marque.portal.billing.order.CustomerOrder;
import io.marque.portal.billing.order.HostingService;
import io.marque.portal.billing.order.ServiceStatus;
import io.marque.portal.identity.Customer;
import io.marque.portal.identity.CustomerStatus;
import io.marque.portal.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Billing rows for the dashboard tests, written straight through the entity manager (the billing services
 * that will write them in production do not exist yet): customers created at a chosen moment, invoices of
 * any kind paid, unpaid, extended or void at chosen dates, and services in any status. Every invoice
 * number is unique, so runs never collide.
 */
@ApplicationScoped
public class DashboardFixtures {

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    /** The provider's tenant. */
    @Transactional
    public long providerTenantId() {
        return em.createNamedQuery("Tenant.provider", Tenant.class).getSingleResult().getId();
    }

    /** A customer of a tenant, created at {@code createdAt}. */
    @Transactional
    public long customer(long tenantId, String name, Instant createdAt) {
        Customer customer = new Customer(tenantId, name, null,
                UUID.randomUUID().toString().substring(0, 12) + "@dashboard.test", CustomerStatus.ACTIVE, createdAt);
        em.persist(customer);
        em.flush();
        return customer.getId();
    }

    /**
     * An invoice of one line, without tax, issued on {@code issuedOn}; unpaid. {@code amount} is negative
     * for a credit note.
     */
    @Transactional
    public long invoice(long tenantId, long issuerTenantId, InvoiceKind kind, Long customerId, String amount,
            String currency, LocalDate issuedOn, LocalDate dueOn) {
        Invoice invoice = new Invoice(tenantId, issuerTenantId, kind, customerId,
                "D-" + UUID.randomUUID().toString().substring(0, 18),
                InvoiceTotals.of(List.of(new Money(new BigDecimal(amount), currency)), currency, null, BigDecimal.ZERO),
                issuedOn, dueOn, Instant.now());
        em.persist(invoice);
        em.flush();
        return invoice.getId();
    }

    /** An invoice issued and paid at {@code paidAt} (issued and due that day). */
    @Transactional
    public long paid(long tenantId, long issuerTenantId, InvoiceKind kind, Long customerId, String amount,
            String currency, Instant paidAt) {
        LocalDate day = paidAt.atZone(ZoneOffset.UTC).toLocalDate();
        long id = invoice(tenantId, issuerTenantId, kind, customerId, amount, currency, day, day);
        em.find(Invoice.class, id).markPaid(paidAt);
        return id;
    }

    @Transactional
    public void extend(long invoiceId, LocalDate until) {
        em.find(Invoice.class, invoiceId).extendTo(until);
    }

    @Transactional
    public void voidInvoice(long invoiceId) {
        em.find(Invoice.class, invoiceId).markVoid();
    }

    /** A service of a customer in the given status, with the order it came from. */
    @Transactional
    public long service(long tenantId, long customerId, String currency, ServiceStatus status) {
        Product product = new Product("DASH-" + UUID.randomUUID().toString().substring(0, 20), "Dashboard plan",
                "A plan for the dashboard tests", Category.VPS, ProductKind.PLAN, 1, Instant.now());
        em.persist(product);
        em.flush();
        CustomerOrder order = new CustomerOrder(tenantId, customerId, product.getId(), Cycle.MONTHLY,
                new Money(new BigDecimal("10.00"), currency), new Money(new BigDecimal("7.00"), currency), null,
                "fixture", Instant.now());
        em.persist(order);
        em.flush();
        HostingService service = new HostingService(order, null, LocalDate.now(), Instant.now());
        service.setStatus(status);
        em.persist(service);
        em.flush();
        return service.getId();
    }
}
