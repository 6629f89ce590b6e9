package io.marque.portal.report;

import io.marque.portal.billing.invoice.InvoiceStatus;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where an invoice stands on a given day: paid, due (unpaid, its due date today or later) or overdue
 * (unpaid, its due date passed). An extension moves the due date, but only later: an extension to a
 * day before the due date changes nothing, as {@link io.marque.portal.billing.invoice.Invoice#effectiveDueOn()}.
 * A void invoice stands nowhere. The dashboards' queries use {@link #DUE_JPQL} and {@link #OVERDUE_JPQL},
 * the same rule written for an invoice {@code i} and a parameter {@code :today}.
 */
public enum PaymentState {
    PAID,
    DUE,
    OVERDUE;

    /** {@link #DUE} as a JPQL condition on an unpaid invoice {@code i}: its effective due date is not before today. */
    static final String DUE_JPQL = "(i.dueOn >= :today or i.extendedTo >= :today)";

    /** {@link #OVERDUE} as a JPQL condition on an unpaid invoice {@code i}: its effective due date is before today. */
    static final String OVERDUE_JPQL = "(i.dueOn < :today and (i.extendedTo is null or i.extendedTo < :today))";

    /**
     * @param status     the invoice's status
     * @param dueOn      its due date
     * @param extendedTo the extension granted, or null
     * @param today      the day asked about, in the tenant's calendar
     * @return the state, or null for a void invoice
     */
    public static PaymentState of(InvoiceStatus status, LocalDate dueOn, LocalDate extendedTo, LocalDate today) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(today, "today");
        return switch (status) {
            case VOID -> null;
            case PAID -> PAID;
            case ISSUED -> {
                LocalDate due = extendedTo != null && extendedTo.isAfter(dueOn) ? extendedTo : dueOn;
                yield due.isBefore(today) ? OVERDUE : DUE;
            }
        };
    }
}
