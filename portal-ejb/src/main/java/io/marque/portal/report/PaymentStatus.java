package io.marque.portal.report;

import io.marque.portal.billing.Money;

/**
 * Wholesale invoices of one currency by where they stand: paid within a dashboard's window, and unpaid
 * on its day, due or overdue (see {@link PaymentState}) — how many and how much.
 */
public record PaymentStatus(String currency, long paidCount, Money paid, long dueCount, Money due, long overdueCount,
        Money overdue) {

    public PaymentStatus {
        currency = Money.code(currency);
        for (Money amount : new Money[] {paid, due, overdue}) {
            if (!amount.currency().equals(currency)) {
                throw new Money.CurrencyMismatchException(currency, amount.currency());
            }
        }
    }

    public static PaymentStatus none(String currency) {
        Money zero = Money.zero(currency);
        return new PaymentStatus(currency, 0, zero, 0, zero, 0, zero);
    }

    /** Both together; refused for two currencies, like every sum of money. */
    public PaymentStatus plus(PaymentStatus other) {
        return new PaymentStatus(currency, paidCount + other.paidCount, paid.plus(other.paid), dueCount + other.dueCount,
                due.plus(other.due), overdueCount + other.overdueCount, overdue.plus(other.overdue));
    }

    PaymentStatus withPaid(long count, Money amount) {
        return new PaymentStatus(currency, count, amount, dueCount, due, overdueCount, overdue);
    }

    PaymentStatus withDue(long count, Money amount) {
        return new PaymentStatus(currency, paidCount, paid, count, amount, overdueCount, overdue);
    }

    PaymentStatus withOverdue(long count, Money amount) {
        return new PaymentStatus(currency, paidCount, paid, dueCount, due, count, amount);
    }
}
