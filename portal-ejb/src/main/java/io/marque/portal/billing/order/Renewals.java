package io.marque.portal.billing.order;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.catalogue.Product;
import io.marque.portal.billing.invoice.Invoice;
import io.marque.portal.billing.invoice.InvoiceKind;
import io.marque.portal.billing.invoice.InvoiceLine;
import io.marque.portal.billing.invoice.Invoices;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Recurring billing. Each running service is invoiced to its customer a week before its next period
 * starts (due on that day), at the reseller's price; and once a month the provider bills each reseller
 * one consolidated invoice per currency with every service period that starts by the end of that month,
 * at wholesale. Each reseller (and each customer renewal) is its own transaction, so one failure does not
 * stop the rest; a month already consolidated for a reseller is never billed twice (its invoice's period
 * is unique), and a service's billed-through dates only move forward with the invoice that bills them.
 */
@Stateless
public class Renewals {

    /** How long before a period starts its invoice is issued. */
    public static final int DAYS_AHEAD = 7;

    private static final Logger LOG = Logger.getLogger(Renewals.class.getName());

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Invoices invoices;

    @Inject
    AuditRecorder audit;

    @Resource
    SessionContext context;

    /** Issues the customer invoices for periods starting within {@link #DAYS_AHEAD} days of {@code today}. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int renewCustomers(LocalDate today) {
        List<Long> due = em.createNamedQuery("HostingService.renewalsDue", HostingService.class)
                .setParameter("until", today.plusDays(DAYS_AHEAD)).getResultList().stream().map(HostingService::getId).toList();
        Renewals self = context.getBusinessObject(Renewals.class);
        int issued = 0;
        for (Long id : due) {
            try {
                issued += self.renewCustomer(id, today);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Renewal of service " + id + " failed; it is tried again on the next run", e);
            }
        }
        return issued;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int renewCustomer(long serviceId, LocalDate today) {
        HostingService service = em.find(HostingService.class, serviceId, LockModeType.PESSIMISTIC_WRITE);
        if (service == null || service.getStatus() == ServiceStatus.TERMINATED || service.getNextDueOn().isAfter(today.plusDays(DAYS_AHEAD))) {
            return 0;
        }
        Product product = em.find(Product.class, service.getProductId());
        LocalDate start = service.renewed();
        String period = start + " – " + service.getCycle().next(start).minusDays(1);
        Invoice invoice = invoices.issue(service.getTenantId(), InvoiceKind.CUSTOMER, service.getCustomerId(), service.getCurrency(),
                List.of(new InvoiceLine.Draft(product.getName() + " · " + period, product.getCategory(), 1, service.retail(),
                        null, service.getId())), today, start);
        audit.recordAnonymous(service.getTenantId(), "billing", "invoice.renewal", invoice.getNumber(),
                "service " + service.getId() + ", " + period, null);
        return 1;
    }

    /** The monthly consolidation of every reseller for {@code month}; returns how many invoices were issued. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int consolidate(YearMonth month, LocalDate today) {
        List<Long> resellers = em.createQuery("select distinct s.tenantId from HostingService s"
                + " where s.status <> io.marque.portal.billing.order.ServiceStatus.TERMINATED and s.nextWholesaleOn <= :until", Long.class)
                .setParameter("until", month.atEndOfMonth()).getResultList();
        Renewals self = context.getBusinessObject(Renewals.class);
        int issued = 0;
        for (Long reseller : resellers) {
            try {
                issued += self.consolidate(reseller, month, today);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Consolidation of reseller " + reseller + " for " + month + " failed; it is tried again on the next run", e);
            }
        }
        return issued;
    }

    /** As {@link #consolidate(YearMonth, LocalDate)}, asked for by a provider admin. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int consolidate(Actor actor, YearMonth month, LocalDate today) {
        actor.require(Role.PROVIDER_ADMIN);
        int issued = context.getBusinessObject(Renewals.class).consolidate(month, today);
        context.getBusinessObject(Renewals.class).recordConsolidation(actor, month, issued);
        return issued;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordConsolidation(Actor actor, YearMonth month, int issued) {
        audit.record(actor, "invoices.consolidated", month.toString(), issued + " invoices");
    }

    /** One reseller's consolidated invoices for {@code month}, one per currency. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int consolidate(long resellerId, YearMonth month, LocalDate today) {
        List<HostingService> services = em.createNamedQuery("HostingService.wholesaleDue", HostingService.class)
                .setParameter("tenant", resellerId).setParameter("until", month.atEndOfMonth())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Map<String, List<HostingService>> byCurrency = new LinkedHashMap<>();
        for (HostingService service : services) {
            byCurrency.computeIfAbsent(service.getCurrency(), c -> new ArrayList<>()).add(service);
        }
        Map<Long, Product> products = new HashMap<>();
        int issued = 0;
        for (Map.Entry<String, List<HostingService>> entry : byCurrency.entrySet()) {
            if (!em.createNamedQuery("Invoice.ofPeriod", Invoice.class).setParameter("tenant", resellerId)
                    .setParameter("kind", InvoiceKind.WHOLESALE).setParameter("period", month.toString())
                    .setParameter("currency", entry.getKey()).getResultList().isEmpty()) {
                continue; // billed already: what started since waits for next month's invoice
            }
            List<InvoiceLine.Draft> lines = new ArrayList<>();
            for (HostingService service : entry.getValue()) {
                Product product = products.computeIfAbsent(service.getProductId(), id -> em.find(Product.class, id));
                while (!service.getNextWholesaleOn().isAfter(month.atEndOfMonth())) {
                    LocalDate start = service.wholesaleBilled();
                    lines.add(new InvoiceLine.Draft(product.getName() + " · service " + service.getId() + " · " + start + " – "
                            + service.getCycle().next(start).minusDays(1), product.getCategory(), 1, service.wholesale(), null,
                            service.getId()));
                }
            }
            Invoice invoice = invoices.issue(resellerId, InvoiceKind.WHOLESALE, null, entry.getKey(), lines, today);
            invoice.setPeriod(month.toString());
            Money total = invoice.total();
            audit.recordAnonymous(resellerId, "billing", "invoice.consolidated", invoice.getNumber(), month + ", " + total, null);
            issued++;
        }
        return issued;
    }
}
