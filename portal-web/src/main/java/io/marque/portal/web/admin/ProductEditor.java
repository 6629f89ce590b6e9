package io.marque.portal.web.admin;

import io.marque.portal.billing.catalogue.Catalogue;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.catalogue.NewProduct;
import io.marque.portal.billing.catalogue.ProductKind;
import io.marque.portal.billing.catalogue.ProductView;
import io.marque.portal.billing.discount.Category;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import io.marque.portal.web.theme.Ui;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A provider admin adds a product ({@code /admin/product}) or changes one ({@code /admin/product?id=}):
 * its name, description, category and memory (code and kind stay as created), its list prices per
 * cycle and currency (a blank amount removes one), and withdraws or reactivates it. The catalogue checks
 * everything; this bean only carries the form.
 */
@Named("productEditor")
@ViewScoped
public class ProductEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String RELOAD = "?faces-redirect=true&includeViewParams=true";

    @Inject
    Catalogue catalogue;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    @Inject
    Ui ui;

    private Long id;
    // not serializable: read again after the session moved to another node
    private transient ProductView product;
    private boolean filled;
    private String code;
    private String name;
    private String description;
    private String category = Category.VPS.name();
    private String kind = ProductKind.PLAN.name();
    private String minRamGb;
    private Cycle cycle = Cycle.MONTHLY;
    private String currency;
    private String amount;

    /** With an id that names no product, the site's 404; without one, the form for a new product. */
    public void load() {
        if (id != null && getProduct() == null) {
            Pages.notFound();
            return;
        }
        fill();
    }

    /** The product being changed, or null on the form for a new one. */
    public ProductView getProduct() {
        if (product == null && id != null) {
            long wanted = id;
            product = catalogue.products(me.actor()).stream().filter(p -> p.id() == wanted).findFirst().orElse(null);
        }
        return product;
    }

    public boolean isEditing() {
        return id != null;
    }

    /** The form starts with the stored product, once; after that it keeps what was typed. */
    private void fill() {
        if (filled || getProduct() == null) {
            return;
        }
        filled = true;
        code = product.code();
        name = product.name();
        description = product.description();
        category = product.category().name();
        kind = product.kind().name();
        minRamGb = product.minRamGb() == null ? null : product.minRamGb().toString();
    }

    public String save() {
        NewProduct form = new NewProduct(code, name, description, category, kind, ram(minRamGb));
        if (id == null) {
            long[] created = {0};
            feedback.act(() -> created[0] = catalogue.save(me.actor(), null, form), "products.done.created", null);
            return created[0] == 0 ? null : "/admin/product?faces-redirect=true&id=" + created[0];
        }
        return feedback.act(() -> catalogue.save(me.actor(), id, form), "products.done.saved", RELOAD);
    }

    /** Sets the list price for the chosen cycle and currency; a blank amount removes it. */
    public String setPrice() {
        boolean removing = amount == null || amount.isBlank();
        return feedback.act(() -> catalogue.setListPrice(me.actor(), id, cycle, currency, amount),
                removing ? "products.done.priceRemoved" : "products.done.priceSaved", RELOAD);
    }

    public String removePrice(Cycle priceCycle, String priceCurrency) {
        return feedback.act(() -> catalogue.setListPrice(me.actor(), id, priceCycle, priceCurrency, null),
                "products.done.priceRemoved", RELOAD);
    }

    public String withdraw() {
        return feedback.act(() -> catalogue.setActive(me.actor(), id, false), "products.done.withdrawn", RELOAD);
    }

    public String reactivate() {
        return feedback.act(() -> catalogue.setActive(me.actor(), id, true), "products.done.reactivated", RELOAD);
    }

    /** Memory as typed: blank is none; anything that is no whole number becomes 0, which the catalogue refuses. */
    static Integer ram(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        return value.matches("[0-9]{1,9}") ? Integer.valueOf(value) : 0;
    }

    public List<String> getCategories() {
        return Arrays.stream(Category.values()).map(Enum::name).toList();
    }

    public List<String> getKinds() {
        return Arrays.stream(ProductKind.values()).map(Enum::name).toList();
    }

    public List<Cycle> getCycles() {
        return List.of(Cycle.values());
    }

    /** The product's list prices, as the catalogue page orders them. */
    public List<ProviderProducts.ListPrice> getPrices() {
        return getProduct() == null ? List.of() : ProviderProducts.prices(product);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getMinRamGb() { return minRamGb; }
    public void setMinRamGb(String minRamGb) { this.minRamGb = minRamGb; }
    public Cycle getCycle() { return cycle; }
    public void setCycle(Cycle cycle) { this.cycle = cycle; }
    /** The currency typed; before any typing, the provider's own. */
    public String getCurrency() { return currency != null ? currency : ui.getTenant().currency(); }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
}
