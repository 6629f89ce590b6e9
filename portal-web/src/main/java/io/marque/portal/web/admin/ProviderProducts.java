package io.marque.portal.web.admin;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.catalogue.Catalogue;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.catalogue.ProductView;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The provider's catalogue ({@code /admin/products}): every product with its list prices, for provider
 * staff to read; the admins change a product on {@code /admin/product}.
 */
@Named("providerProducts")
@RequestScoped
public class ProviderProducts {

    @Inject
    Catalogue catalogue;

    @Inject
    CurrentUser me;

    private List<ProductView> list;

    public List<ProductView> getList() {
        if (list == null) {
            list = catalogue.products(me.actor());
        }
        return list;
    }

    /** A product's list prices in a steady order: by currency, then monthly before quarterly before annually. */
    public static List<ListPrice> prices(ProductView product) {
        List<ListPrice> rows = new ArrayList<>();
        for (Map.Entry<String, Money> price : product.listPrices().entrySet()) {
            // the key is ProductView.key(cycle, currency): "MONTHLY EUR"
            String[] parts = price.getKey().split(" ", 2);
            rows.add(new ListPrice(Cycle.valueOf(parts[0]), parts[1], price.getValue()));
        }
        rows.sort(Comparator.comparing(ListPrice::currency).thenComparing(ListPrice::cycle));
        return rows;
    }

    /** For the view: {@code #{providerProducts.pricesOf(p)}}. */
    public List<ListPrice> pricesOf(ProductView product) {
        return prices(product);
    }

    /** One list price of a product: what it costs per cycle in one currency. */
    public record ListPrice(Cycle cycle, String currency, Money amount) {
    }
}
