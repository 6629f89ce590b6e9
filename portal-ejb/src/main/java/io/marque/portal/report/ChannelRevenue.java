package io.marque.portal.report;

import io.marque.portal.billing.Money;

/**
 * The provider's revenue of one currency over a window by where it came from: its own customers
 * ({@code direct}: paid customer invoices of the provider's tenant less its credit notes) and its resellers
 * ({@code reseller}: paid wholesale invoices).
 */
public record ChannelRevenue(String currency, Money direct, Money reseller) {

    public ChannelRevenue {
        currency = Money.code(currency);
        if (!direct.currency().equals(currency) || !reseller.currency().equals(currency)) {
            throw new Money.CurrencyMismatchException(direct.currency(), reseller.currency());
        }
    }
}
