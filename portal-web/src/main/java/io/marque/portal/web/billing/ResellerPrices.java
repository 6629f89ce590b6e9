package io.marque.portal.web.billing;

import io.marque.portal.billing.catalogue.Catalogue;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.catalogue.ProductView;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * The reseller's price list ({@code /reseller/prices}): each product of the provider in the reseller's
 * currency with the list price, the wholesale price its discount gives today, and its own price to its
 * customers, which admins set per cycle (a blank amount withdraws the product from its customers).
 */
@Named
@RequestScoped
public class ResellerPrices {

    @Inject
    Catalogue catalogue;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private List<ProductView> list;

    public List<ProductView> getProducts() {
        if (list == null) {
            list = catalogue.forReseller(me.actor(), null);
        }
        return list;
    }

    public Cycle[] getCycles() {
        return Cycle.values();
    }

    /** The reseller's currency, as its price list is in it. */
    public String getCurrency() {
        return me.user() == null ? null : getProducts().stream().flatMap(p -> p.listPrices().values().stream())
                .map(m -> m.currency()).findFirst().orElse(null);
    }

    /** Saves one product's price for one cycle: the form posts {@code product}, {@code cycle} and {@code amount}. */
    public String save() {
        Map<String, String> posted = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        Long product = Pages.longParameter("product");
        Cycle cycle;
        try {
            cycle = Cycle.valueOf(String.valueOf(posted.get("cycle")));
        } catch (IllegalArgumentException e) {
            feedback.error("billing.error.cycle");
            return null;
        }
        String currency = posted.get("currency");
        return feedback.act(() -> catalogue.setOwnPrice(me.actor(), product == null ? -1 : product, cycle, currency,
                posted.get("amount")), "prices.saved");
    }
}
