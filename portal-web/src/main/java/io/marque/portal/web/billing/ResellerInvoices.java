package io.marque.portal.web.billing;

import io.marque.portal.billing.account.Accounts;
import io.marque.portal.billing.account.BalanceView;
import io.marque.portal.billing.account.BankTransfer;
import io.marque.portal.billing.account.PaymentMethod;
import io.marque.portal.billing.invoice.InvoiceKind;
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
 * The reseller's money ({@code /reseller/invoices}): its invoices to customers (and credit notes),
 * customers' payments waiting for confirmation, and its own account with the provider — the provider's
 * invoices to it, its balance, and adding funds by bank transfer (admins).
 */
@Named
@RequestScoped
public class ResellerInvoices {

    @Inject
    Invoices invoices;

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private List<InvoiceView> customerInvoices;
    private List<InvoiceView> creditNotes;
    private List<InvoiceView> providerInvoices;
    private List<BalanceView.PaymentView> pending;
    private BalanceView balance;
    private String amount;

    public List<InvoiceView> getCustomerInvoices() {
        if (customerInvoices == null) {
            customerInvoices = invoices.ofReseller(me.actor(), InvoiceKind.CUSTOMER);
        }
        return customerInvoices;
    }

    public List<InvoiceView> getCreditNotes() {
        if (creditNotes == null) {
            creditNotes = invoices.ofReseller(me.actor(), InvoiceKind.CREDIT_NOTE);
        }
        return creditNotes;
    }

    public List<InvoiceView> getProviderInvoices() {
        if (providerInvoices == null) {
            providerInvoices = invoices.ofReseller(me.actor(), InvoiceKind.WHOLESALE);
        }
        return providerInvoices;
    }

    public List<BalanceView.PaymentView> getPending() {
        if (pending == null) {
            pending = accounts.pending(me.actor());
        }
        return pending;
    }

    public BalanceView getBalance() {
        if (balance == null) {
            balance = accounts.ofReseller(me.actor(), null);
        }
        return balance;
    }

    public String decide(long paymentId, boolean confirmed) {
        return feedback.act(() -> accounts.decide(me.actor(), paymentId, confirmed),
                confirmed ? "billing.paymentConfirmed" : "billing.paymentRejected");
    }

    public String requestFunds() {
        PaymentMethod.Instructions[] told = new PaymentMethod.Instructions[1];
        String outcome = feedback.act(() -> told[0] = accounts.requestFunds(me.actor(), amount, BankTransfer.NAME),
                "billing.fundsRequested");
        if (told[0] != null) {
            FacesContext.getCurrentInstance().getExternalContext().getFlash().put("instructions", told[0]);
        }
        return outcome;
    }

    public PaymentMethod.Instructions getInstructions() {
        return (PaymentMethod.Instructions) FacesContext.getCurrentInstance().getExternalContext().getFlash().get("instructions");
    }

    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
}
