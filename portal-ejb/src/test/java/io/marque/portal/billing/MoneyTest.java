package io.marque.portal.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Exact money: the currency's scale always, no silent rounding, never two currencies in one sum. */
class MoneyTest {

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    @Test
    void anAmountCarriesItsCurrencysMinorUnit() {
        assertEquals(new BigDecimal("12.50"), eur("12.5").amount());
        assertEquals(new BigDecimal("12.50"), eur("12.5000").amount(), "as read back from numeric(19, 4)");
        assertEquals(new BigDecimal("1500"), new Money(new BigDecimal("1500.0000"), "JPY").amount());
        assertEquals(new BigDecimal("1.250"), new Money(new BigDecimal("1.25"), "KWD").amount());
    }

    @Test
    void aDigitBelowTheMinorUnitIsRefusedNotRounded() {
        assertThrows(IllegalArgumentException.class, () -> eur("0.005"));
        assertThrows(IllegalArgumentException.class, () -> new Money(new BigDecimal("1.5"), "JPY"));
    }

    @Test
    void twoCurrenciesNeverMix() {
        Money usd = new Money(new BigDecimal("1.00"), "USD");
        assertThrows(Money.CurrencyMismatchException.class, () -> eur("1.00").plus(usd));
        assertThrows(Money.CurrencyMismatchException.class, () -> eur("1.00").minus(usd));
        assertThrows(Money.CurrencyMismatchException.class, () -> eur("1.00").compareTo(usd));
    }

    @Test
    void arithmeticIsExact() {
        assertEquals(eur("0.30"), eur("0.10").plus(eur("0.20")));
        assertEquals(eur("-0.10"), eur("0.10").minus(eur("0.20")));
        assertEquals(eur("44.70"), eur("14.90").times(3));
        assertEquals(eur("-14.90"), eur("14.90").negate());
    }

    @Test
    void aPercentageRoundsHalfUpOnce() {
        assertEquals(eur("2.83"), eur("14.90").percent(new BigDecimal("19")), "2.831");
        assertEquals(eur("0.01"), eur("0.05").percent(new BigDecimal("10")), "0.005 rounds up");
        assertEquals(eur("0.00"), eur("0.04").percent(new BigDecimal("10")), "0.004 rounds down");
        assertEquals(new Money(new BigDecimal("143"), "JPY"), new Money(new BigDecimal("1430"), "JPY").percent(new BigDecimal("10")));
    }

    @Test
    void typedAmountsAreReadStrictly() {
        assertEquals(eur("1234.50"), Money.parse(" 1234,5 ", "EUR"));
        assertEquals(eur("0.00"), Money.parse("0", "EUR"));
        for (String bad : new String[] {"", " ", "-1", "1e3", "12.345", "1,234.50", "abc", "1.2.3", "99999999999", "1000000000.01"}) {
            assertThrows(IllegalArgumentException.class, () -> Money.parse(bad, "EUR"), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Money.parse("10.5", "JPY"), "no decimals in yen");
    }

    @Test
    void anUnknownCurrencyIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Money.zero("XYZ1"));
    }
}
