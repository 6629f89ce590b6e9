package io.marque.portal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.marque.portal.billing.Money;
import io.marque.portal.web.api.ApiRecords.Amount;
import io.marque.portal.web.api.ApiRecords.Page;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiRecordsTest {

    @Test
    void anAmountIsExactTextWithTheCurrencysDecimals() {
        assertEquals(new Amount("12.50", "EUR"), Amount.of(new Money(new BigDecimal("12.5"), "EUR")));
        assertEquals(new Amount("1500", "JPY"), Amount.of(new Money(new BigDecimal("1500"), "JPY")));
        assertEquals(new Amount("-20.00", "USD"), Amount.of(new Money(new BigDecimal("-20"), "USD")), "a credit note");
        assertEquals(new Amount("99999999999999999.99", "EUR"),
                Amount.of(new Money(new BigDecimal("99999999999999999.99"), "EUR")), "beyond a double's precision");
        assertEquals(new Amount("0.00", "USD"), Amount.of(Money.zero("USD")));
        assertNull(Amount.of(null));
    }

    @Test
    void aFullPageNamesTheCursorOfItsLastItemAndAShortOneIsTheLast() {
        assertEquals(new Page<>(List.of(3L, 2L), "2"), Page.of(List.of(3L, 2L), 2, String::valueOf));
        assertEquals(new Page<>(List.of(3L), null), Page.of(List.of(3L), 2, String::valueOf));
        assertEquals(new Page<>(List.<Long>of(), null), Page.of(List.<Long>of(), 2, String::valueOf));
    }

    @Test
    void aPercentageIsExactTextWithoutTrailingZeros() {
        assertEquals("10", ApiRecords.percent(new BigDecimal("10.0000")));
        assertEquals("7.5", ApiRecords.percent(new BigDecimal("7.50")));
        assertEquals("100", ApiRecords.percent(new BigDecimal("100")));
        assertEquals("0", ApiRecords.percent(new BigDecimal("0.00")));
        assertNull(ApiRecords.percent(null));
    }
}
