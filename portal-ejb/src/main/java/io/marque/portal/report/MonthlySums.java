package io.marque.portal.report;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The month-by-month sums of the dashboards, each one aggregate query over the window: one row per
 * currency with a column per month ({@code sum(case when <in month k> then amount else 0 end)}), so the
 * database reads each invoice once and returns twelve numbers instead of the invoices. The month bounds
 * are {@link Months#bounds(ZoneId)}: first moment included, next month's first moment excluded.
 */
final class MonthlySums {

    private static final String PAID = "io.marque.portal.billing.invoice.InvoiceStatus.PAID";
    private static final String VOID = "io.marque.portal.billing.invoice.InvoiceStatus.VOID";

    private MonthlySums() {
    }

    /**
     * Adds the totals of the paid invoices matching {@code where} (a JPQL condition on {@code i}) to the
     * month they were paid in.
     */
    static void paid(EntityManager em, String where, Map<String, Object> parameters, Months months, ZoneId zone,
            MonthlyTotals into) {
        List<Instant> bounds = months.bounds(zone);
        Query query = em.createQuery("select i.currency" + columns("i.paidAt", "i.total", months.size())
                + " from Invoice i where " + where + " and i.status = " + PAID
                + " and i.paidAt >= :b0 and i.paidAt < :b" + months.size() + " group by i.currency");
        bind(query, parameters, bounds);
        add(query, months, into);
    }

    /**
     * Adds the totals of the credit notes matching {@code where} (negative amounts) to the month they were
     * issued in; a void one counts nowhere.
     */
    static void credited(EntityManager em, String where, Map<String, Object> parameters, Months months,
            MonthlyTotals into) {
        List<LocalDate> bounds = months.bounds();
        Query query = em.createQuery("select i.currency" + columns("i.issuedOn", "i.total", months.size())
                + " from Invoice i where " + where
                + " and i.kind = io.marque.portal.billing.invoice.InvoiceKind.CREDIT_NOTE and i.status <> " + VOID
                + " and i.issuedOn >= :b0 and i.issuedOn < :b" + months.size() + " group by i.currency");
        bind(query, parameters, bounds);
        add(query, months, into);
    }

    /**
     * How many customers of a tenant were created before the window's end, and in each of its months:
     * element 0 is the total, then one per month. One query, so the total and the months agree.
     */
    static List<Long> customers(EntityManager em, long tenantId, Months months, ZoneId zone) {
        List<Instant> bounds = months.bounds(zone);
        Query query = em.createQuery("select count(c)" + columns("c.createdAt", "1", months.size())
                + " from Customer c where c.tenantId = :tenant and c.createdAt < :b" + months.size());
        query.setParameter("tenant", tenantId);
        for (int k = 0; k <= months.size(); k++) {
            query.setParameter("b" + k, bounds.get(k));
        }
        Object[] row = (Object[]) query.getSingleResult();
        List<Long> counts = new ArrayList<>(row.length);
        for (Object value : row) {
            counts.add(value == null ? 0L : ((Number) value).longValue());
        }
        return counts;
    }

    /** {@code , sum(case when <at> >= :b0 and <at> < :b1 then <amount> else 0 end), ...} for every month. */
    private static String columns(String at, String amount, int months) {
        StringBuilder columns = new StringBuilder();
        for (int k = 0; k < months; k++) {
            columns.append(", sum(case when ").append(at).append(" >= :b").append(k).append(" and ").append(at)
                    .append(" < :b").append(k + 1).append(" then ").append(amount).append(" else 0 end)");
        }
        return columns.toString();
    }

    private static void bind(Query query, Map<String, Object> parameters, List<?> bounds) {
        parameters.forEach(query::setParameter);
        for (int k = 0; k < bounds.size(); k++) {
            query.setParameter("b" + k, bounds.get(k));
        }
    }

    private static void add(Query query, Months months, MonthlyTotals into) {
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            String currency = (String) row[0];
            for (int k = 0; k < months.size(); k++) {
                into.add(currency, k, decimal(row[k + 1]));
            }
        }
    }

    /** A sum as the driver gives it (numeric: BigDecimal), exact. */
    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Long || value instanceof Integer) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        // never through a double: the text of the number is exact
        return new BigDecimal(value.toString());
    }
}
