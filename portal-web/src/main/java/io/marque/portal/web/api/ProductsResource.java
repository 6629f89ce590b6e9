package io.marque.portal.web.api;

import io.marque.portal.api.ApiScope;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.catalogue.Catalogue;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.catalogue.ProductKind;
import io.marque.portal.billing.catalogue.ProductView;
import io.marque.portal.billing.discount.Category;
import io.marque.portal.web.api.ApiRecords.Amount;
import io.marque.portal.web.api.ApiRecords.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue the reseller sells from, in one currency (its own unless asked for another): each active
 * product with, per billing cycle, the provider's list price, the wholesale price the reseller's discount
 * gives today and the reseller's own price (null until it sets one; only then can the product be ordered
 * for that cycle). The whole catalogue is one page.
 */
@Path("/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProductsResource {

    @Inject
    Catalogue catalogue;

    @Inject
    ApiRequest current;

    /** A product as the API shows it: a plan, or an add-on that goes with one. */
    public record Product(long id, String code, String name, String description, Category category, ProductKind kind,
            Integer minRamGb, List<Price> prices) {

        /**
         * The product's prices, one per cycle with a list price, in cycle order. A reseller's view of the
         * catalogue holds one currency, so the first list price tells which.
         */
        static Product of(ProductView view) {
            String currency = view.listPrices().values().stream().map(Money::currency).findFirst().orElse(null);
            List<Price> prices = new ArrayList<>();
            for (Cycle cycle : Cycle.values()) {
                Money list = currency == null ? null : view.listPrice(cycle, currency);
                if (list != null) {
                    prices.add(new Price(cycle, Amount.of(list), Amount.of(view.wholesale().get(cycle)),
                            Amount.of(view.ownPrices().get(cycle))));
                }
            }
            return new Product(view.id(), view.code(), view.name(), view.description(), view.category(), view.kind(),
                    view.minRamGb(), List.copyOf(prices));
        }
    }

    /** One cycle's prices: list (the provider's), wholesale (what the reseller pays), own (what its customer pays). */
    public record Price(Cycle cycle, Amount list, Amount wholesale, Amount own) {
    }

    @GET
    @RequiresScope(ApiScope.ORDERS_READ)
    public Page<Product> list(@QueryParam("currency") String currency) {
        return new Page<>(catalogue.forReseller(current.actor(), currency).stream().map(Product::of).toList(), null);
    }
}
