package io.marque.portal.web.billing;

import io.marque.portal.billing.account.Accounts;
import io.marque.portal.billing.account.BalanceView;
import io.marque.portal.identity.CustomerService;
import io.marque.portal.identity.CustomerView;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One customer's account, for its reseller's staff ({@code /reseller/customer-billing?id=}): balance and
 * movements, funds received (a transfer that arrived), and a refund out of the balance (admins).
 */
@Named
@RequestScoped
public class CustomerAccount {

    @Inject
    Accounts accounts;

    @Inject
    CustomerService customers;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private boolean looked;
    private CustomerView customer;
    private BalanceView balance;
    private String amount;
    private String note;

    public void load() {
        if (getCustomer() == null) {
            Pages.notFound();
        }
    }

    public CustomerView getCustomer() {
        if (!looked) {
            looked = true;
            Long id = Pages.longParameter("id");
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

    public String addFunds() {
        Long id = Pages.longParameter("id");
        return feedback.act(() -> accounts.addFunds(me.actor(), id == null ? -1 : id, null, amount, note), "billing.fundsAdded",
                reload(id));
    }

    public String refund() {
        Long id = Pages.longParameter("id");
        return feedback.act(() -> accounts.refund(me.actor(), id == null ? -1 : id, amount, note), "billing.refunded", reload(id));
    }

    private static String reload(Long id) {
        return "/reseller/customer-billing?faces-redirect=true&id=" + id;
    }

    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
