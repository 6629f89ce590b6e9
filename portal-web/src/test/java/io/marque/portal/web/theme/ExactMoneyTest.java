package io.marque.portal.web.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ExactMoneyTest {

    @Test
    void anAmountIsShownAsStoredInItsOwnCurrency() {
        assertEquals("€41.50", Ui.exactMoney(new BigDecimal("41.50"), "EUR", Locale.ENGLISH));
        assertEquals("€41.00", Ui.exactMoney(new BigDecimal("41"), "EUR", Locale.ENGLISH), "the currency's decimals");
        assertEquals("$1,234,567,890.12", Ui.exactMoney(new BigDecimal("1234567890.12"), "USD", Locale.US));
    }

    @Test
    void nothingIsRoundedAway() {
        assertEquals("€0.125", Ui.exactMoney(new BigDecimal("0.125"), "EUR", Locale.ENGLISH));
        assertEquals("€99999999999999999.99", Ui.exactMoney(new BigDecimal("99999999999999999.99"), "EUR",
                Locale.ENGLISH).replace(",", ""), "beyond a double's precision");
        String russian = Ui.exactMoney(new BigDecimal("41.50"), "RUB", Locale.forLanguageTag("ru"));
        assertTrue(russian.startsWith("41,50"), russian);
    }
}
