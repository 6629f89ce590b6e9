package io.marque.portal.report;

import io.marque.portal.billing.Money;

/**
 * A reseller's unpaid customer invoices of one currency on a day: those still {@link PaymentState#DUE}
 * and those {@link PaymentState#OVERDUE}, how many and how much.
 */
public record Outstanding(String currency, long dueCount, Money due, long overdueCount, Money overdue) {

    public Outstanding {
        currency = Money.code(currency);
        if (!due.currency().equals(currency) || !overdue.currency().equals(currency)) {
            throw new Money.CurrencyMismatchException(due.currency(), overdue.currency());
        }
    }
}
