package io.marque.portal.report;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.billing.Money;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantKind;
import io.marque.portal.tenant.TenantStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The provider's dashboard for its staff: per reseller the wholesale revenue, the services running and the
 * number of customers; how the resellers pay their wholesale invoices (paid, due, overdue); and the
 * provider's revenue from its own customers against what its resellers pay.
 *
 * <p>What the provider may see of a reseller's business is narrow (law 3): these queries count a
 * reseller's customers and services and sum the wholesale invoices between provider and reseller. They
 * read no customer invoice of a reseller, no amount a reseller's customer paid and no customer's name.
 * The only customer invoices read are the provider's own (its tenant's), its direct business.
 */
@Stateless
public class ProviderDashboard {

    /** The months a dashboard shows, the current one last. */
    public static final int MONTHS = ResellerDashboard.MONTHS;

    private static final String WHOLESALE = "io.marque.portal.billing.invoice.InvoiceKind.WHOLESALE";
    private static final String CUSTOMER = "io.marque.portal.billing.invoice.InvoiceKind.CUSTOMER";
    private static final String PAID = "io.marque.portal.billing.invoice.InvoiceStatus.PAID";
    private static final String ISSUED = "io.marque.portal.billing.invoice.InvoiceStatus.ISSUED";

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    AuditRecorder audit;

    /**
     * @param actor provider staff
     * @param today the day to measure on, in the provider's calendar: the window ends with its month, and
     *              unpaid wholesale invoices are due or overdue against it
     */
    public ProviderOverview overview(Actor actor, LocalDate today) {
        actor.require(Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
        Objects.requireNonNull(today, "today");
        Tenant provider = em.find(Tenant.class, actor.tenantId());
        if (provider == null || provider.getKind() != TenantKind.PROVIDER) {
            throw new NotFoundException("Tenant");
        }
        ZoneId zone = ZoneId.of(provider.getTimeZone());
        Months months = Months.ending(today, MONTHS);
        List<Instant> bounds = months.bounds(zone);

        MonthlyTotals direct = new MonthlyTotals(months.size());
        Map<String, Object> own = Map.of("tenant", provider.getId());
        MonthlySums.paid(em, "i.tenantId = :tenant and i.kind = " + CUSTOMER, own, months, zone, direct);
        MonthlySums.credited(em, "i.tenantId = :tenant", own, months, direct);
        MonthlyTotals wholesale = new MonthlyTotals(months.size());
        MonthlySums.paid(em, "i.kind = " + WHOLESALE, Map.of(), months, zone, wholesale);
        List<MonthlySeries> directSeries = direct.series();
        List<MonthlySeries> wholesaleSeries = wholesale.series();

        Map<Long, SortedMap<String, PaymentStatus>> payments = payments(bounds, today);
        Map<Long, Long> services = countsByTenant("select s.tenantId, count(s) from HostingService s"
                + " where s.status = io.marque.portal.billing.order.ServiceStatus.ACTIVE group by s.tenantId");
        Map<Long, Long> customers = countsByTenant("select c.tenantId, count(c) from Customer c group by c.tenantId");

        List<ResellerFigures> figures = new ArrayList<>();
        List<ResellerPayments> paymentRows = new ArrayList<>();
        SortedMap<String, PaymentStatus> totals = new TreeMap<>();
        for (Object[] reseller : em.createQuery("select t.id, t.name, t.status from Tenant t"
                + " where t.kind = io.marque.portal.tenant.TenantKind.RESELLER order by t.name, t.id", Object[].class)
                .getResultList()) {
            long id = ((Number) reseller[0]).longValue();
            String name = (String) reseller[1];
            SortedMap<String, PaymentStatus> statuses = payments.getOrDefault(id, new TreeMap<>());
            List<Money> revenue = statuses.values().stream().filter(p -> p.paidCount() > 0).map(PaymentStatus::paid).toList();
            figures.add(new ResellerFigures(id, name, (TenantStatus) reseller[2], revenue,
                    services.getOrDefault(id, 0L), customers.getOrDefault(id, 0L)));
            statuses.values().forEach(status -> {
                paymentRows.add(new ResellerPayments(id, name, status));
                totals.merge(status.currency(), status, PaymentStatus::plus);
            });
        }
        return new ProviderOverview(today, months.months(), figures, paymentRows, List.copyOf(totals.values()),
                channels(directSeries, wholesaleSeries), directSeries, wholesaleSeries);
    }

    /** One table of the dashboard as CSV, for download; the export is audited. */
    public CsvTable export(Actor actor, ProviderTable table, LocalDate today) {
        Objects.requireNonNull(table, "table");
        CsvTable csv = table.of(overview(actor, today));
        audit.record(actor, "report.exported", table.slug(), today.toString());
        return csv;
    }

    /**
     * Every reseller's wholesale invoices by currency: paid in the window, and unpaid due and overdue
     * today. Three grouped queries over all resellers; the provider's own invoices to itself do not exist.
     */
    private Map<Long, SortedMap<String, PaymentStatus>> payments(List<Instant> bounds, LocalDate today) {
        Map<Long, SortedMap<String, PaymentStatus>> byTenant = new HashMap<>();
        for (Object[] row : em.createQuery("select i.tenantId, i.currency, count(i), sum(i.total) from Invoice i"
                + " where i.kind = " + WHOLESALE + " and i.status = " + PAID
                + " and i.paidAt >= :from and i.paidAt < :until group by i.tenantId, i.currency", Object[].class)
                .setParameter("from", bounds.get(0)).setParameter("until", bounds.get(bounds.size() - 1))
                .getResultList()) {
            status(byTenant, row, (s, count, sum) -> s.withPaid(count, sum));
        }
        for (Object[] row : unpaid(PaymentState.DUE_JPQL, today)) {
            status(byTenant, row, (s, count, sum) -> s.withDue(count, sum));
        }
        for (Object[] row : unpaid(PaymentState.OVERDUE_JPQL, today)) {
            status(byTenant, row, (s, count, sum) -> s.withOverdue(count, sum));
        }
        return byTenant;
    }

    private List<Object[]> unpaid(String state, LocalDate today) {
        return em.createQuery("select i.tenantId, i.currency, count(i), sum(i.total) from Invoice i"
                + " where i.kind = " + WHOLESALE + " and i.status = " + ISSUED + " and " + state
                + " group by i.tenantId, i.currency", Object[].class).setParameter("today", today).getResultList();
    }

    private interface Update {
        PaymentStatus apply(PaymentStatus status, long count, Money sum);
    }

    private static void status(Map<Long, SortedMap<String, PaymentStatus>> byTenant, Object[] row, Update update) {
        long tenant = ((Number) row[0]).longValue();
        String currency = (String) row[1];
        BigDecimal sum = MonthlySums.decimal(row[3]);
        byTenant.computeIfAbsent(tenant, t -> new TreeMap<>()).compute(currency, (c, status) -> update.apply(
                status == null ? PaymentStatus.none(c) : status, ((Number) row[2]).longValue(),
                new Money(sum == null ? BigDecimal.ZERO : sum, c)));
    }

    private Map<Long, Long> countsByTenant(String jpql) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery(jpql, Object[].class).getResultList()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** Per currency of either, the window's direct revenue against the resellers'. */
    static List<ChannelRevenue> channels(List<MonthlySeries> direct, List<MonthlySeries> wholesale) {
        TreeSet<String> currencies = new TreeSet<>();
        direct.forEach(s -> currencies.add(s.currency()));
        wholesale.forEach(s -> currencies.add(s.currency()));
        List<ChannelRevenue> channels = new ArrayList<>(currencies.size());
        for (String currency : currencies) {
            MonthlySeries d = ProviderOverview.of(direct, currency);
            MonthlySeries w = ProviderOverview.of(wholesale, currency);
            channels.add(new ChannelRevenue(currency, d == null ? Money.zero(currency) : d.total(),
                    w == null ? Money.zero(currency) : w.total()));
        }
        return channels;
    }
}
