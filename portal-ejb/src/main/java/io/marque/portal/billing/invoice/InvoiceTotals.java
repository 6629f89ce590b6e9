package io.marque.portal.billing.invoice;

import io.marque.portal.billing.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * The totals of an invoice from its line amounts: the subtotal is their exact sum, the tax is taken once
 * from the subtotal (rounded half up to the minor unit), and the total is subtotal plus tax. All lines
 * must be in one currency.
 */
public record InvoiceTotals(Money subtotal, String taxLabel, BigDecimal taxRate, Money tax, Money total) {

    public static InvoiceTotals of(List<Money> lineAmounts, String currency, String taxLabel, BigDecimal taxRate) {
        if (taxRate == null || taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("A tax rate is between 0 and 100: " + taxRate);
        }
        Money subtotal = lineAmounts.stream().reduce(Money.zero(currency), Money::plus);
        Money tax = subtotal.percent(taxRate);
        return new InvoiceTotals(subtotal, taxRate.signum() == 0 ? null : taxLabel, taxRate, tax, subtotal.plus(tax));
    }
}
