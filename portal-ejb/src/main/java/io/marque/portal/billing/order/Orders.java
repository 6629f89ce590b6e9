package io.marque.portal.billing.order;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.billing.Discounts;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.account.Accounts;
import io.marque.portal.billing.catalogue.Product;
import io.marque.portal.billing.catalogue.ProductKind;
import io.marque.portal.billing.invoice.Invoice;
import io.marque.portal.billing.invoice.InvoiceKind;
import io.marque.portal.billing.invoice.InvoiceLine;
import io.marque.portal.billing.invoice.InvoicePaid;
import io.marque.portal.billing.invoice.Invoices;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Customer;
import io.marque.portal.identity.CustomerStatus;
import io.marque.portal.identity.Fields;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.server.ServerAllocation;
import io.marque.portal.tenant.Tenant;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders a reseller places for its customers: priced by {@link Pricing}, invoiced to the customer at once
 * at the reseller's prices, provisioned (a pool server assigned, a {@link HostingService} started) only
 * once that invoice is paid, or cancelled while pending.
 */
@Stateless
public class Orders {

    /** The most add-ons one order carries. */
    static final int MAX_ADD_ONS = 10;

    /** How many orders one page of {@link #page} holds. */
    public static final int PAGE = 25;

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Pricing pricing;

    @Inject
    Invoices invoices;

    @Inject
    Accounts accounts;

    @Inject
    Discounts discounts;

    @Inject
    ServerAllocation allocation;

    @Inject
    AuditRecorder audit;

    @Inject
    Event<OrderStatusChanged> statusChanged;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Quote quote(Actor actor, OrderForm form) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        Customer customer = customer(actor.tenantId(), form.customerId());
        return pricing(actor.tenantId(), customer, form);
    }

    /** Places the order and issues the customer's invoice for its first period; returns the order's id. */
    public long place(Actor actor, OrderForm form) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        if (!discounts.mayOrder(actor.tenantId())) {
            throw new InvalidInputException("", "billing.error.ordersClosed");
        }
        Customer customer = customer(actor.tenantId(), form.customerId());
        if (customer.getStatus() == CustomerStatus.DISABLED) {
            throw new InvalidInputException("customer", "billing.error.customerDisabled");
        }
        String note = Fields.optionalMultiline("note", form.note(), 1000);
        Quote quote = pricing(actor.tenantId(), customer, form);
        Instant now = Instant.now();
        CustomerOrder order = new CustomerOrder(actor.tenantId(), customer.getId(), form.planId(), form.cycle(),
                quote.retailTotal(), quote.wholesaleTotal(), note, actor.email(), now);
        em.persist(order);
        em.flush();
        List<InvoiceLine.Draft> drafts = new ArrayList<>();
        int position = 1;
        for (QuoteLine line : quote.lines()) {
            em.persist(new OrderLine(order, position++, line));
            drafts.add(new InvoiceLine.Draft(line.description() + " · " + form.cycle().name().toLowerCase(), line.category(), 1,
                    line.retail(), order.getId(), null));
        }
        Invoice invoice = invoices.issue(actor.tenantId(), InvoiceKind.CUSTOMER, customer.getId(), quote.currency(), drafts, today());
        order.setInvoiceId(invoice.getId());
        audit.record(actor, "order.placed", "order " + order.getId(), customer.getName() + ": " + quote.lines().get(0).description()
                + ", " + quote.retailTotal() + ", invoice " + invoice.getNumber());
        changed(order);
        return order.getId();
    }

    /** Cancels a pending order; its unpaid invoice is voided. */
    public void cancel(Actor actor, long orderId) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        CustomerOrder order = order(actor.tenantId(), orderId);
        em.lock(order, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(order);
        if (order.getStatus() != OrderStatus.PENDING) {
            throw new InvalidInputException("", "billing.error.notCancellable");
        }
        order.cancelled(Instant.now());
        if (order.getInvoiceId() != null) {
            Invoice invoice = em.find(Invoice.class, order.getInvoiceId(), LockModeType.PESSIMISTIC_WRITE);
            if (invoice.getStatus() != io.marque.portal.billing.invoice.InvoiceStatus.ISSUED) {
                throw new InvalidInputException("", "billing.error.notCancellable");
            }
            invoice.markVoid();
        }
        audit.record(actor, "order.cancelled", "order " + order.getId(), null);
        changed(order);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OrderView> ofReseller(Actor actor) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        List<CustomerOrder> orders = em.createNamedQuery("CustomerOrder.ofTenant", CustomerOrder.class)
                .setParameter("tenant", actor.tenantId()).setParameter("after", Long.MAX_VALUE).setMaxResults(200).getResultList();
        return views(actor.tenantId(), orders, true);
    }

    /**
     * One page of the reseller's orders, newest first: those older than {@code beforeId} (keyset paging;
     * {@code null} for the first page), at most {@link #PAGE}.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OrderView> page(Actor actor, Long beforeId) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        List<CustomerOrder> orders = em.createNamedQuery("CustomerOrder.ofTenant", CustomerOrder.class)
                .setParameter("tenant", actor.tenantId()).setParameter("after", beforeId == null ? Long.MAX_VALUE : beforeId)
                .setMaxResults(PAGE).getResultList();
        return views(actor.tenantId(), orders, true);
    }

    /** One of the reseller's orders; another tenant's is not found. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public OrderView get(Actor actor, long orderId) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        return views(actor.tenantId(), List.of(order(actor.tenantId(), orderId)), true).get(0);
    }

    /** Paid orders still waiting for a pool server, for provider staff: reseller, plan and memory only. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OrderView> awaitingServer(Actor actor) {
        actor.require(Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
        List<CustomerOrder> orders = em.createNamedQuery("CustomerOrder.awaitingServer", CustomerOrder.class).setMaxResults(500)
                .getResultList();
        Map<Long, String> resellers = new HashMap<>();
        List<OrderView> views = new ArrayList<>();
        for (CustomerOrder o : orders) {
            Product product = em.find(Product.class, o.getProductId());
            String reseller = resellers.computeIfAbsent(o.getTenantId(), id -> em.find(Tenant.class, id).getName());
            views.add(new OrderView(o.getId(), null, reseller, product.getName(), product.getMinRamGb(), o.getCycle(), null,
                    o.wholesaleTotal(), o.getStatus(), null, null, o.getPaidAt(), null, o.getProductId()));
        }
        return views;
    }

    /** A paid customer invoice provisions its order, in the payment's transaction. */
    public void onInvoicePaid(@Observes InvoicePaid paid) {
        if (paid.kind() != InvoiceKind.CUSTOMER) {
            return;
        }
        em.createNamedQuery("CustomerOrder.byInvoice", CustomerOrder.class).setParameter("tenant", paid.tenantId())
                .setParameter("invoice", paid.invoiceId()).getResultStream().findFirst().ifPresent(order -> {
                    em.lock(order, LockModeType.PESSIMISTIC_WRITE);
                    if (order.getStatus() == OrderStatus.PENDING) {
                        order.paid(Instant.now());
                        changed(order);
                        provision(order);
                    }
                });
    }

    /** Tries again to find servers for paid orders that waited for one; returns how many were provisioned. */
    public int retryProvisioning() {
        int done = 0;
        for (CustomerOrder order : em.createNamedQuery("CustomerOrder.awaitingServer", CustomerOrder.class).setMaxResults(500)
                .getResultList()) {
            em.lock(order, LockModeType.PESSIMISTIC_WRITE);
            if (order.getStatus() == OrderStatus.PAID && provision(order)) {
                done++;
            }
        }
        return done;
    }

    /** As {@link #retryProvisioning()}, asked for by a provider admin after adding servers to the pool. */
    public int retryProvisioning(Actor actor) {
        actor.require(Role.PROVIDER_ADMIN);
        int done = retryProvisioning();
        audit.record(actor, "orders.provisioning.retried", done + " provisioned", null);
        return done;
    }

    /**
     * A provider admin re-applies a reseller's discount to its running services: every line's wholesale
     * price is computed again under the reseller's policy today and billed so from the next consolidation.
     */
    public int reapplyDiscounts(Actor actor, long resellerId) {
        actor.require(Role.PROVIDER_ADMIN);
        Tenant reseller = em.find(Tenant.class, resellerId);
        if (reseller == null || reseller.getKind() != io.marque.portal.tenant.TenantKind.RESELLER) {
            throw new NotFoundException("Reseller");
        }
        int changed = 0;
        Pricing.Terms terms = pricing.terms(resellerId, today());
        for (HostingService service : em.createNamedQuery("HostingService.ofTenant", HostingService.class)
                .setParameter("tenant", resellerId).getResultList()) {
            if (service.getStatus() == ServiceStatus.TERMINATED) {
                continue;
            }
            Money total = Money.zero(service.getCurrency());
            for (OrderLine line : em.createNamedQuery("OrderLine.ofOrder", OrderLine.class).setParameter("tenant", resellerId)
                    .setParameter("order", service.getOrderId()).getResultList()) {
                QuoteLine repriced = pricing.reprice(terms, line, service.getCurrency());
                line.reprice(repriced.discountPercent(), repriced.wholesale());
                total = total.plus(repriced.wholesale());
            }
            if (total.compareTo(service.wholesale()) != 0) {
                service.wholesale(total);
                changed++;
            }
        }
        audit.recordOn(resellerId, actor, "discounts.reapplied", reseller.getName(), changed + " services repriced");
        audit.record(actor, "discounts.reapplied", reseller.getName(), changed + " services repriced");
        return changed;
    }

    private boolean provision(CustomerOrder order) {
        Product plan = em.find(Product.class, order.getProductId());
        int minRam = plan.getMinRamGb() == null ? 0 : plan.getMinRamGb();
        Optional<Long> server = allocation.allocate(order.getTenantId(), order.getCustomerId(), minRam, "order " + order.getId());
        if (server.isEmpty()) {
            audit.recordAnonymous(order.getTenantId(), "billing", "order.awaitingServer", "order " + order.getId(), null, null);
            return false;
        }
        Instant now = Instant.now();
        em.persist(new HostingService(order, server.get(), today(), now));
        order.provisioned(now);
        audit.recordAnonymous(order.getTenantId(), "billing", "order.provisioned", "order " + order.getId(), null, null);
        audit.recordAnonymous(invoices.providerId(), "billing", "order.provisioned", "order " + order.getId(),
                "reseller " + order.getTenantId() + ", server " + server.get(), null);
        changed(order);
        return true;
    }

    /** Tells observers (webhooks) of the order's new status, in this transaction. */
    private void changed(CustomerOrder order) {
        statusChanged.fire(new OrderStatusChanged(order.getId(), order.getTenantId(), order.getCustomerId(), order.getStatus(),
                order.getInvoiceId()));
    }

    private Quote pricing(long tenantId, Customer customer, OrderForm form) {
        if (form.cycle() == null) {
            throw new InvalidInputException("cycle", "billing.error.cycle");
        }
        Product plan = em.find(Product.class, form.planId());
        if (plan == null || !plan.isActive() || plan.getKind() != ProductKind.PLAN) {
            throw new InvalidInputException("plan", "billing.error.plan");
        }
        LinkedHashSet<Long> addOnIds = new LinkedHashSet<>(form.addOnIds());
        if (addOnIds.size() > MAX_ADD_ONS) {
            throw new InvalidInputException("addOns", "billing.error.tooManyAddOns");
        }
        List<Product> products = new ArrayList<>();
        products.add(plan);
        for (Long id : addOnIds) {
            Product addOn = id == null ? null : em.find(Product.class, id);
            if (addOn == null || !addOn.isActive() || addOn.getKind() != ProductKind.ADDON) {
                throw new InvalidInputException("addOns", "billing.error.addOn");
            }
            products.add(addOn);
        }
        String currency = accounts.currencyOf(customer);
        return new Quote(currency, pricing.quote(tenantId, products, form.cycle(), currency, today()));
    }

    private List<OrderView> views(long tenantId, List<CustomerOrder> orders, boolean reseller) {
        Map<Long, String> customers = new HashMap<>();
        Map<Long, Product> products = new HashMap<>();
        List<OrderView> views = new ArrayList<>();
        for (CustomerOrder o : orders) {
            String customer = customers.computeIfAbsent(o.getCustomerId(), id -> em.find(Customer.class, id).getName());
            Product product = products.computeIfAbsent(o.getProductId(), id -> em.find(Product.class, id));
            Invoice invoice = o.getInvoiceId() == null ? null : em.find(Invoice.class, o.getInvoiceId());
            views.add(new OrderView(o.getId(), customer, null, product.getName(), product.getMinRamGb(), o.getCycle(), o.retailTotal(),
                    reseller ? o.wholesaleTotal() : null, o.getStatus(), invoice == null ? null : invoice.getNumber(),
                    o.getInvoiceId(), o.getCreatedAt(), o.getCustomerId(), o.getProductId()));
        }
        return views;
    }

    private CustomerOrder order(long tenantId, long orderId) {
        CustomerOrder order = em.find(CustomerOrder.class, orderId);
        if (order == null || order.getTenantId() != tenantId) {
            throw new NotFoundException("Order");
        }
        return order;
    }

    private Customer customer(long tenantId, long customerId) {
        Customer customer = em.find(Customer.class, customerId);
        if (customer == null || customer.getTenantId() != tenantId) {
            throw new NotFoundException("Customer");
        }
        return customer;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
