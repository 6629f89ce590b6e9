package io.marque.portal.billing.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.discount.Category;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An invoice's totals: the subtotal is the exact sum of its lines, tax is taken once from it, lines never mix currencies. */
class InvoiceTotalsTest {

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    @Test
    void theTotalIsTheSumOfTheLinesPlusTaxTakenOnceFromTheSubtotal() {
        // three lines whose taxes rounded one by one (0.19 × 3 = 0.57) would differ from the tax of the sum (0.60)
        List<Money> lines = List.of(eur("1.05"), eur("1.05"), eur("1.05"));
        InvoiceTotals totals = InvoiceTotals.of(lines, "EUR", "VAT", new BigDecimal("19"));
        assertEquals(eur("3.15"), totals.subtotal());
        assertEquals(eur("0.60"), totals.tax());
        assertEquals(eur("3.75"), totals.total());
        assertEquals("VAT", totals.taxLabel());
    }

    @Test
    void withoutTaxThereIsNoTaxLine() {
        InvoiceTotals totals = InvoiceTotals.of(List.of(eur("14.90"), eur("3.50")), "EUR", "VAT", BigDecimal.ZERO);
        assertEquals(eur("18.40"), totals.total());
        assertEquals(eur("0.00"), totals.tax());
        assertNull(totals.taxLabel());
    }

    @Test
    void aCreditNotesNegativeLinesGiveANegativeTotal() {
        InvoiceTotals totals = InvoiceTotals.of(List.of(eur("-20.00")), "EUR", null, BigDecimal.ZERO);
        assertEquals(eur("-20.00"), totals.total());
    }

    @Test
    void linesInAnotherCurrencyAreRefused() {
        assertThrows(Money.CurrencyMismatchException.class, () -> InvoiceTotals.of(
                List.of(eur("1.00"), new Money(new BigDecimal("1.00"), "USD")), "EUR", null, BigDecimal.ZERO));
        assertThrows(Money.CurrencyMismatchException.class, () -> InvoiceTotals.of(
                List.of(new Money(new BigDecimal("1.00"), "USD")), "EUR", null, BigDecimal.ZERO));
    }

    @Test
    void aTaxRateOutside0To100IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InvoiceTotals.of(List.of(eur("1.00")), "EUR", "VAT", new BigDecimal("-1")));
        assertThrows(IllegalArgumentException.class, () -> InvoiceTotals.of(List.of(eur("1.00")), "EUR", "VAT", new BigDecimal("100.01")));
    }

    @Test
    void aLineIsQuantityTimesUnit() {
        InvoiceLine.Draft draft = new InvoiceLine.Draft("Extra IPv4", Category.OTHER, 3, eur("2.20"), null, null);
        assertEquals(eur("6.60"), draft.amount());
        assertThrows(IllegalArgumentException.class, () -> new InvoiceLine.Draft("None", Category.OTHER, 0, eur("1.00"), null, null));
    }
}
