package io.marque.portal.web.billing;

import io.marque.portal.billing.account.Accounts;
import io.marque.portal.billing.account.BalanceView;
import io.marque.portal.billing.account.PaymentMethod;
import io.marque.portal.billing.invoice.InvoiceView;
import io.marque.portal.billing.invoice.Invoices;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The customer's billing page ({@code /customer/billing}): its balance with the reseller and recent
 * movements, its invoices, and adding funds — the payment method's instructions (for a bank transfer:
 * the reseller's bank details and the reference to quote) are shown after the request.
 */
@Named
@RequestScoped
public class CustomerBilling {

    @Inject
    Accounts accounts;

    @Inject
    Invoices invoices;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private BalanceView balance;
    private List<InvoiceView> list;
    private String amount;
    private String method = io.marque.portal.billing.account.BankTransfer.NAME;

    public BalanceView getBalance() {
        if (balance == null) {
            balance = accounts.mine(me.actor());
        }
        return balance;
    }

    public List<InvoiceView> getInvoices() {
        if (list == null) {
            list = invoices.ofCustomer(me.actor());
        }
        return list;
    }

    public List<String> getMethods() {
        return accounts.methodNames();
    }

    public String requestFunds() {
        PaymentMethod.Instructions[] told = new PaymentMethod.Instructions[1];
        String outcome = feedback.act(() -> told[0] = accounts.requestFunds(me.actor(), amount, method), "billing.fundsRequested");
        if (told[0] != null) {
            FacesContext.getCurrentInstance().getExternalContext().getFlash().put("instructions", told[0]);
        }
        return outcome;
    }

    /** What the payer was told after the last request, kept across the redirect. */
    public PaymentMethod.Instructions getInstructions() {
        return (PaymentMethod.Instructions) FacesContext.getCurrentInstance().getExternalContext().getFlash().get("instructions");
    }

    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
}
