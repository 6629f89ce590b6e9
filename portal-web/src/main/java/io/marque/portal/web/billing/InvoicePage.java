package io.marque.portal.web.billing;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.account.Accounts;
import io.marque.portal.billing.account.BalanceView;
import io.marque.portal.billing.invoice.Invoice;
import io.marque.portal.billing.invoice.InvoiceKind;
import io.marque.portal.billing.invoice.InvoiceLine;
import io.marque.portal.billing.invoice.InvoiceStatus;
import io.marque.portal.billing.invoice.Invoices;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * One invoice ({@code /customer/invoice?id=}, {@code /reseller/invoice?id=}): lines and totals, paying it
 * from the balance it is owed from, a credit note on a paid customer invoice (reseller admins), and the
 * PDF. Behind a stateless view; each form carries the id. An invoice the reader may not see is the 404.
 */
@Named
@RequestScoped
public class InvoicePage {

    @Inject
    Invoices invoices;

    @Inject
    Accounts accounts;

    @Inject
    io.marque.portal.billing.dunning.Dunning dunning;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private boolean looked;
    private Invoice invoice;
    private List<InvoiceLine> lines;
    private BalanceView payer;
    private String creditAmount;
    private String creditReason;
    private java.time.LocalDate extendUntil;

    public void load() {
        if (getInvoice() == null) {
            Pages.notFound();
        }
    }

    public Invoice getInvoice() {
        if (!looked) {
            looked = true;
            Long id = Pages.longParameter("id");
            invoice = id == null ? null : Pages.found(() -> invoices.visible(me.actor(), id));
        }
        return invoice;
    }

    public List<InvoiceLine> getLines() {
        if (lines == null && getInvoice() != null) {
            lines = invoices.lines(invoice);
        }
        return lines;
    }

    /** A line's amount in the invoice's currency. */
    public Money amount(java.math.BigDecimal value) {
        return new Money(value, invoice.getCurrency());
    }

    /** The balance this invoice would be paid from, as the reader may see it; null where the reader cannot pay. */
    public BalanceView getPayer() {
        if (payer == null && payable()) {
            if (me.isCustomer()) {
                payer = accounts.mine(me.actor());
            } else if (invoice.getKind() == InvoiceKind.WHOLESALE) {
                payer = accounts.ofReseller(me.actor(), invoice.getCurrency());
            } else {
                payer = accounts.ofCustomer(me.actor(), invoice.getCustomerId());
            }
        }
        return payer;
    }

    /** Whether the reader may pay it now: an issued invoice (not a credit note), the wholesale one by a reseller admin. */
    public boolean payable() {
        Invoice shown = getInvoice();
        if (shown == null || shown.getStatus() != InvoiceStatus.ISSUED || shown.getKind() == InvoiceKind.CREDIT_NOTE) {
            return false;
        }
        return shown.getKind() != InvoiceKind.WHOLESALE || me.isResellerAdmin();
    }

    public boolean isCreditable() {
        Invoice shown = getInvoice();
        return shown != null && me.isResellerAdmin() && shown.getKind() == InvoiceKind.CUSTOMER
                && shown.getStatus() == InvoiceStatus.PAID;
    }

    public String pay() {
        Long id = Pages.longParameter("id");
        return feedback.act(() -> accounts.pay(me.actor(), id == null ? -1 : id), "billing.paid", reload(id));
    }

    public String credit() {
        Long id = Pages.longParameter("id");
        return feedback.act(() -> accounts.creditNote(me.actor(), id == null ? -1 : id, creditAmount, creditReason),
                "billing.credited", reload(id));
    }

    /** Whether the reader may give more time: a reseller admin on its own unpaid customer invoice. */
    public boolean isExtensible() {
        Invoice shown = getInvoice();
        return shown != null && me.isResellerAdmin() && shown.getKind() == InvoiceKind.CUSTOMER
                && shown.getStatus() == InvoiceStatus.ISSUED;
    }

    public String extend() {
        Long id = Pages.longParameter("id");
        return feedback.act(() -> dunning.extend(me.actor(), id == null ? -1 : id, extendUntil), "billing.extended", reload(id));
    }

    public String getPdfUrl() {
        return "/" + area() + "/invoice-pdf?id=" + getInvoice().getId();
    }

    private String area() {
        return me.isCustomer() ? "customer" : "reseller";
    }

    private String reload(Long id) {
        return "/" + area() + "/invoice?faces-redirect=true&id=" + id;
    }

    public java.time.LocalDate getExtendUntil() { return extendUntil; }
    public void setExtendUntil(java.time.LocalDate extendUntil) { this.extendUntil = extendUntil; }
    public String getCreditAmount() { return creditAmount; }
    public void setCreditAmount(String creditAmount) { this.creditAmount = creditAmount; }
    public String getCreditReason() { return creditReason; }
    public void setCreditReason(String creditReason) { this.creditReason = creditReason; }
}
