package io.marque.portal.web.billing;

import io.marque.portal.billing.account.Accounts;
import io.marque.portal.billing.account.BalanceView;
import io.marque.portal.billing.catalogue.Catalogue;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.catalogue.ProductKind;
import io.marque.portal.billing.catalogue.ProductView;
import io.marque.portal.billing.order.OrderForm;
import io.marque.portal.billing.order.Orders;
import io.marque.portal.billing.order.Quote;
import io.marque.portal.identity.CustomerService;
import io.marque.portal.identity.CustomerView;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * A reseller orders a server for one of its customers ({@code /reseller/order-new?customer=}): a plan,
 * add-ons and a cycle; "Preview" shows the customer's price, the wholesale price and the margin without
 * placing anything; "Place order" places it and issues the customer's invoice. Behind a stateless view:
 * the form carries the customer's id and every choice.
 */
@Named
@RequestScoped
public class NewOrder {

    @Inject
    Orders orders;

    @Inject
    Catalogue catalogue;

    @Inject
    CustomerService customers;

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private boolean looked;
    private CustomerView customer;
    private List<ProductView> products;
    private BalanceView balance;
    private Long plan;
    /** The checked add-ons: Faces converts them to the type of the items' values (Long), whatever the list says. */
    private List<Object> addOns = new ArrayList<>();
    private Cycle cycle = Cycle.MONTHLY;
    private String note;
    private Quote quote;

    public void load() {
        if (getCustomer() == null) {
            Pages.notFound();
        }
    }

    public CustomerView getCustomer() {
        if (!looked) {
            looked = true;
            Long id = Pages.longParameter("customer");
            customer = id == null ? null : Pages.found(() -> customers.get(me.actor(), id));
        }
        return customer;
    }

    public BalanceView getBalance() {
        if (balance == null && getCustomer() != null) {
            balance = accounts.ofCustomer(me.actor(), customer.id());
        }
        return balance;
    }

    /** The products this customer can be sold: in its currency, with a price the reseller has set. */
    private List<ProductView> products() {
        if (products == null) {
            products = catalogue.forReseller(me.actor(), getBalance().balance().currency());
        }
        return products;
    }

    public List<ProductView> getPlans() {
        return products().stream().filter(p -> p.kind() == ProductKind.PLAN && !p.ownPrices().isEmpty()).toList();
    }

    public List<ProductView> getAddOnChoices() {
        return products().stream().filter(p -> p.kind() == ProductKind.ADDON && !p.ownPrices().isEmpty()).toList();
    }

    public Cycle[] getCycles() {
        return Cycle.values();
    }

    public String preview() {
        try {
            quote = orders.quote(me.actor(), form());
        } catch (InvalidInputException e) {
            feedback.refused(e);
        } catch (NotFoundException e) {
            feedback.error("error.notFound");
        }
        return null;
    }

    public String place() {
        OrderForm form = form();
        return feedback.act(() -> orders.place(me.actor(), form), "orders.placed", "/reseller/orders?faces-redirect=true");
    }

    private OrderForm form() {
        Long customerId = Pages.longParameter("customer");
        List<Long> ids = new ArrayList<>();
        for (Object addOn : addOns) {
            try {
                ids.add(Long.valueOf(String.valueOf(addOn)));
            } catch (NumberFormatException e) {
                ids.add(null);
            }
        }
        return new OrderForm(customerId == null ? -1 : customerId, plan == null ? -1 : plan, ids, cycle, note);
    }

    public Quote getQuote() { return quote; }
    public Long getPlan() { return plan; }
    public void setPlan(Long plan) { this.plan = plan; }
    public List<Object> getAddOns() { return addOns; }
    public void setAddOns(List<Object> addOns) { this.addOns = addOns == null ? new ArrayList<>() : addOns; }
    public Cycle getCycle() { return cycle; }
    public void setCycle(Cycle cycle) { this.cycle = cycle; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
