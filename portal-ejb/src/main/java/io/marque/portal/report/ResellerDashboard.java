package io.marque.portal.report;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.billing.Money;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.Tenant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A reseller's dashboard for its own staff: revenue per month, services running, customers and their
 * growth, the customers who paid most, and the customer invoices still to be paid. Everything is of the
 * caller's tenant only — every query names it first, which is also what the tenant's indexes lead with —
 * and every amount stays in its currency.
 *
 * <p>Revenue is what customers paid: the totals of paid customer invoices in the month they were paid (in
 * the reseller's time zone), less the credit notes in the month they were issued. The provider's wholesale
 * invoices to the reseller are its costs, not its revenue, and are not here.
 */
@Stateless
public class ResellerDashboard {

    /** The months a dashboard shows, the current one last. */
    public static final int MONTHS = 12;

    /** The customers listed by revenue, per currency. */
    public static final int TOP = 10;

    private static final String CUSTOMER = "io.marque.portal.billing.invoice.InvoiceKind.CUSTOMER";
    private static final String ISSUED = "io.marque.portal.billing.invoice.InvoiceStatus.ISSUED";

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    AuditRecorder audit;

    /**
     * @param actor reseller staff
     * @param today the day to measure on, in the reseller's calendar: the window ends with its month, and
     *              unpaid invoices are due or overdue against it
     */
    public ResellerOverview overview(Actor actor, LocalDate today) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        Objects.requireNonNull(today, "today");
        long tenant = actor.tenantId();
        ZoneId zone = zone(tenant);
        Months months = Months.ending(today, MONTHS);
        Map<String, Object> own = Map.of("tenant", tenant);

        MonthlyTotals revenue = new MonthlyTotals(months.size());
        MonthlySums.paid(em, "i.tenantId = :tenant and i.kind = " + CUSTOMER, own, months, zone, revenue);
        MonthlySums.credited(em, "i.tenantId = :tenant", own, months, revenue);
        List<MonthlySeries> series = revenue.series();

        List<Long> counts = MonthlySums.customers(em, tenant, months, zone);
        long customers = counts.get(0);
        List<Long> added = counts.subList(1, counts.size());

        List<CustomerRevenue> top = new ArrayList<>();
        for (MonthlySeries currency : series) {
            top.addAll(topCustomers(tenant, currency.currency(), months, zone));
        }
        return new ResellerOverview(today, months.months(), series, activeServices(tenant), customers, added,
                CustomerGrowth.totals(customers, added), top, outstanding(tenant, today));
    }

    /**
     * One table of the dashboard as CSV, for download; the export is audited, since the figures leave the
     * portal with it.
     */
    public CsvTable export(Actor actor, ResellerTable table, LocalDate today) {
        Objects.requireNonNull(table, "table");
        CsvTable csv = table.of(overview(actor, today));
        audit.record(actor, "report.exported", table.slug(), today.toString());
        return csv;
    }

    private ZoneId zone(long tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null) {
            throw new NotFoundException("Tenant");
        }
        return ZoneId.of(tenant.getTimeZone());
    }

    private long activeServices(long tenant) {
        return em.createQuery("select count(s) from HostingService s where s.tenantId = :tenant"
                + " and s.status = io.marque.portal.billing.order.ServiceStatus.ACTIVE", Long.class)
                .setParameter("tenant", tenant).getSingleResult();
    }

    /**
     * The customers of one currency who paid most over the window, net of their credit notes; a customer
     * whose payments were all given back is not among them.
     */
    private List<CustomerRevenue> topCustomers(long tenant, String currency, Months months, ZoneId zone) {
        List<Instant> paid = months.bounds(zone);
        List<Object[]> rows = em.createQuery("select c.id, c.name, c.company, sum(i.total) as revenue"
                + " from Invoice i, Customer c where i.tenantId = :tenant and c.tenantId = :tenant"
                + " and c.id = i.customerId and i.currency = :currency"
                + " and ((i.kind = " + CUSTOMER + " and i.status = io.marque.portal.billing.invoice.InvoiceStatus.PAID"
                + " and i.paidAt >= :paidFrom and i.paidAt < :paidUntil)"
                + " or (i.kind = io.marque.portal.billing.invoice.InvoiceKind.CREDIT_NOTE"
                + " and i.status <> io.marque.portal.billing.invoice.InvoiceStatus.VOID"
                + " and i.issuedOn >= :issuedFrom and i.issuedOn < :issuedUntil))"
                + " group by c.id, c.name, c.company having sum(i.total) > 0 order by revenue desc, c.id", Object[].class)
                .setParameter("tenant", tenant).setParameter("currency", currency)
                .setParameter("paidFrom", paid.get(0)).setParameter("paidUntil", paid.get(months.size()))
                .setParameter("issuedFrom", months.start()).setParameter("issuedUntil", months.end())
                .setMaxResults(TOP).getResultList();
        List<CustomerRevenue> top = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            top.add(new CustomerRevenue(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                    new Money(MonthlySums.decimal(row[3]), currency)));
        }
        return top;
    }

    /** Unpaid customer invoices per currency, due and overdue on {@code today} (see {@link PaymentState}). */
    private List<Outstanding> outstanding(long tenant, LocalDate today) {
        Map<String, Tally> due = unpaid(tenant, today, PaymentState.DUE_JPQL);
        Map<String, Tally> overdue = unpaid(tenant, today, PaymentState.OVERDUE_JPQL);
        SortedSet<String> currencies = new TreeSet<>(due.keySet());
        currencies.addAll(overdue.keySet());
        List<Outstanding> outstanding = new ArrayList<>(currencies.size());
        for (String currency : currencies) {
            Tally d = due.getOrDefault(currency, Tally.NONE);
            Tally o = overdue.getOrDefault(currency, Tally.NONE);
            outstanding.add(new Outstanding(currency, d.count(), d.in(currency), o.count(), o.in(currency)));
        }
        return outstanding;
    }

    private Map<String, Tally> unpaid(long tenant, LocalDate today, String state) {
        return Tally.byFirstColumn(em.createQuery("select i.currency, count(i), sum(i.total) from Invoice i"
                + " where i.tenantId = :tenant and i.kind = " + CUSTOMER + " and i.status = " + ISSUED + " and " + state
                + " group by i.currency", Object[].class)
                .setParameter("tenant", tenant).setParameter("today", today).getResultList());
    }
}
