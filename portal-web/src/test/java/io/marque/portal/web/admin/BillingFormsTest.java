package io.marque.portal.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.catalogue.ProductKind;
import io.marque.portal.billing.catalogue.ProductView;
import io.marque.portal.billing.discount.Category;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the provider's billing pages make of what was typed and how they order a product's list prices. */
class BillingFormsTest {

    @Test
    void memoryAsTypedIsNoneWhenBlankAndZeroWhenNotAWholeNumberSoTheCatalogueRefusesIt() {
        assertNull(ProductEditor.ram(null));
        assertNull(ProductEditor.ram("  "));
        assertEquals(8, ProductEditor.ram(" 8 "));
        assertEquals(0, ProductEditor.ram("8 GB"));
        assertEquals(0, ProductEditor.ram("-4"));
        assertEquals(0, ProductEditor.ram("12345678901"));
    }

    @Test
    void paymentTermsAsTypedAreMinusOneWhenNotAWholeNumberSoTheServiceRefusesThem() {
        assertEquals(14, io.marque.portal.web.billing.BillingSettingsPage.days(" 14"));
        assertEquals(0, io.marque.portal.web.billing.BillingSettingsPage.days("0"));
        assertEquals(-1, io.marque.portal.web.billing.BillingSettingsPage.days(""));
        assertEquals(-1, io.marque.portal.web.billing.BillingSettingsPage.days(null));
        assertEquals(-1, io.marque.portal.web.billing.BillingSettingsPage.days("two weeks"));
        assertEquals(-1, io.marque.portal.web.billing.BillingSettingsPage.days("1.5"));
    }

    @Test
    void listPricesAreShownByCurrencyThenCycle() {
        Map<String, Money> prices = new LinkedHashMap<>();
        prices.put(ProductView.key(Cycle.ANNUALLY, "USD"), money("99.00", "USD"));
        prices.put(ProductView.key(Cycle.ANNUALLY, "EUR"), money("90.00", "EUR"));
        prices.put(ProductView.key(Cycle.MONTHLY, "USD"), money("9.90", "USD"));
        prices.put(ProductView.key(Cycle.MONTHLY, "EUR"), money("9.00", "EUR"));
        prices.put(ProductView.key(Cycle.QUARTERLY, "EUR"), money("26.00", "EUR"));
        ProductView product = new ProductView(1, "vps-s", "VPS S", "", Category.VPS, ProductKind.PLAN, 4, true, prices,
                Map.of(), Map.of());

        assertEquals(List.of(
                new ProviderProducts.ListPrice(Cycle.MONTHLY, "EUR", money("9.00", "EUR")),
                new ProviderProducts.ListPrice(Cycle.QUARTERLY, "EUR", money("26.00", "EUR")),
                new ProviderProducts.ListPrice(Cycle.ANNUALLY, "EUR", money("90.00", "EUR")),
                new ProviderProducts.ListPrice(Cycle.MONTHLY, "USD", money("9.90", "USD")),
                new ProviderProducts.ListPrice(Cycle.ANNUALLY, "USD", money("99.00", "USD"))), ProviderProducts.prices(product));
    }

    private static Money money(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
