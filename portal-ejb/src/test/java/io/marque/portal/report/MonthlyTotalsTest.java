package io.marque.portal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.marque.portal.billing.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthlyTotalsTest {

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    @Test
    void currenciesStayApartAndMonthsWithoutAmountsAreZero() {
        List<MonthlySeries> series = new MonthlyTotals(3)
                .add("USD", 1, new BigDecimal("70.00"))
                .add("EUR", 0, new BigDecimal("100.0000"))
                .add("EUR", 2, new BigDecimal("50.00"))
                .add("EUR", 2, new BigDecimal("-20.00"))
                .series();

        assertEquals(2, series.size());
        assertEquals("EUR", series.get(0).currency());
        assertEquals(List.of(eur("100.00"), eur("0"), eur("30.00")), series.get(0).amounts());
        assertEquals(eur("130.00"), series.get(0).total());
        assertEquals("USD", series.get(1).currency());
        assertEquals(new Money(new BigDecimal("70.00"), "USD"), series.get(1).total());
    }

    @Test
    void aMonthOfRefundsIsNegative() {
        MonthlySeries series = new MonthlyTotals(1).add("EUR", 0, new BigDecimal("-20.00")).series().get(0);

        assertEquals(eur("-20.00"), series.at(0));
    }

    @Test
    void nothingAddedGivesNoSeries() {
        assertEquals(List.of(), new MonthlyTotals(12).add("EUR", 3, null).series());
    }

    @Test
    void aMonthOutsideTheWindowIsRefused() {
        assertThrows(IndexOutOfBoundsException.class, () -> new MonthlyTotals(12).add("EUR", 12, BigDecimal.ONE));
    }

    @Test
    void aSeriesHoldsOneCurrency() {
        assertThrows(Money.CurrencyMismatchException.class,
                () -> new MonthlySeries("EUR", List.of(eur("1.00"), new Money(BigDecimal.ONE, "USD"))));
    }
}
