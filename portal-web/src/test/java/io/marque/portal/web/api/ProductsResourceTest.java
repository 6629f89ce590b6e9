package io.marque.portal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.catalogue.ProductKind;
import io.marque.portal.billing.catalogue.ProductView;
import io.marque.portal.billing.discount.Category;
import io.marque.portal.web.api.ApiRecords.Amount;
import io.marque.portal.web.api.ProductsResource.Price;
import io.marque.portal.web.api.ProductsResource.Product;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductsResourceTest {

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    @Test
    void eachCycleWithAListPriceCarriesTheThreePricesInCycleOrder() {
        ProductView view = new ProductView(7, "vps-m", "VPS M", "4 cores", Category.VPS, ProductKind.PLAN, 8, true,
                Map.of(ProductView.key(Cycle.ANNUALLY, "USD"), usd("1000.00"), ProductView.key(Cycle.MONTHLY, "USD"), usd("100.00")),
                Map.of(Cycle.MONTHLY, usd("90.00"), Cycle.ANNUALLY, usd("900.00")),
                Map.of(Cycle.MONTHLY, usd("150.00")));

        Product product = Product.of(view);

        assertEquals(List.of(
                new Price(Cycle.MONTHLY, new Amount("100.00", "USD"), new Amount("90.00", "USD"), new Amount("150.00", "USD")),
                new Price(Cycle.ANNUALLY, new Amount("1000.00", "USD"), new Amount("900.00", "USD"), null)),
                product.prices(), "no list price for QUARTERLY: not offered; no own ANNUALLY price yet: null");
        assertEquals(7, product.id());
        assertEquals(Category.VPS, product.category());
        assertEquals(ProductKind.PLAN, product.kind());
        assertEquals(8, product.minRamGb());
    }

    @Test
    void aProductWithoutListPricesHasNoPrices() {
        ProductView view = new ProductView(8, "ip", "Extra IPv4", "", Category.OTHER, ProductKind.ADDON, null, true, Map.of(),
                Map.of(), Map.of());
        assertTrue(Product.of(view).prices().isEmpty());
        assertNull(Product.of(view).minRamGb());
    }
}
