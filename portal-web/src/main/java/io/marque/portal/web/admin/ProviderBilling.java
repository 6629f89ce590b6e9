package io.marque.portal.web.admin;

import io.marque.portal.billing.account.Accounts;
import io.marque.portal.billing.account.BalanceView;
import io.marque.portal.billing.invoice.InvoiceView;
import io.marque.portal.billing.invoice.Invoices;
import io.marque.portal.billing.order.OrderView;
import io.marque.portal.billing.order.Orders;
import io.marque.portal.billing.order.Renewals;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.ResellerAdministration;
import io.marque.portal.tenant.ResellerView;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The provider's billing desk ({@code /admin/billing}): its invoices to resellers (all, or one
 * reseller's), the resellers' payments waiting for confirmation, funds received from a reseller, the
 * monthly consolidation, paid orders still waiting for a pool server, and re-applying a reseller's
 * discount to its running services after a confirming second click. Staff read it; the services let
 * only provider admins change anything. Nothing here names a reseller's customers (law 3): the services
 * answer with resellers, plans and amounts only.
 */
@Named("providerBilling")
@ViewScoped
public class ProviderBilling implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String RELOAD = "?faces-redirect=true&includeViewParams=true";

    @Inject
    Invoices invoices;

    @Inject
    Accounts accounts;

    @Inject
    Orders orders;

    @Inject
    Renewals renewals;

    @Inject
    ResellerAdministration resellers;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private Long reseller;
    private transient List<InvoiceView> invoiceList;
    private transient List<BalanceView.PaymentView> pendingList;
    private transient List<OrderView> awaitingList;
    private List<ResellerView> resellerList;
    private Long fundsReseller;
    private String fundsAmount;
    private String fundsNote;
    private String month = YearMonth.now(ZoneOffset.UTC).toString();
    private Long discountReseller;
    private boolean confirmingReapply;

    /** The provider's invoices to resellers, newest first: one reseller's when the filter names one. */
    public List<InvoiceView> getInvoices() {
        if (invoiceList == null) {
            invoiceList = invoices.wholesale(me.actor(), reseller);
        }
        return invoiceList;
    }

    public List<BalanceView.PaymentView> getPending() {
        if (pendingList == null) {
            pendingList = accounts.pending(me.actor());
        }
        return pendingList;
    }

    public List<OrderView> getAwaitingServer() {
        if (awaitingList == null) {
            awaitingList = orders.awaitingServer(me.actor());
        }
        return awaitingList;
    }

    public List<ResellerView> getResellers() {
        if (resellerList == null) {
            resellerList = resellers.list(me.actor());
        }
        return resellerList;
    }

    /** Whether the invoice filter shows this reseller's invoices. */
    public boolean selected(long resellerId) {
        return reseller != null && reseller == resellerId;
    }

    public String confirmPayment(long paymentId) {
        return feedback.act(() -> accounts.decide(me.actor(), paymentId, true), "billing.payment.confirmed", RELOAD);
    }

    public String rejectPayment(long paymentId) {
        return feedback.act(() -> accounts.decide(me.actor(), paymentId, false), "billing.payment.rejected", RELOAD);
    }

    /** Records money a reseller sent (a transfer that arrived): credited to its balance at once. */
    public String addFunds() {
        if (fundsReseller == null) {
            feedback.error("billing.resellerMissing");
            return null;
        }
        return feedback.act(() -> accounts.addFunds(me.actor(), null, fundsReseller, fundsAmount, fundsNote),
                "billing.funds.recorded", RELOAD);
    }

    /** Bills every reseller's service periods that start by the end of the month typed (yyyy-MM). */
    public String consolidate() {
        YearMonth chosen;
        try {
            chosen = YearMonth.parse(month == null ? "" : month.strip());
        } catch (DateTimeParseException e) {
            feedback.error("billing.consolidate.monthInvalid");
            return null;
        }
        return counted(() -> renewals.consolidate(me.actor(), chosen, LocalDate.now(ZoneOffset.UTC)),
                "billing.consolidate.done", chosen.toString());
    }

    /** Looks for pool servers again for paid orders that waited for one. */
    public String retryProvisioning() {
        return counted(() -> orders.retryProvisioning(me.actor()), "billing.provisioning.done");
    }

    /** The first step of re-applying discounts: the page names the reseller and asks again. */
    public String askReapply() {
        if (discountReseller == null || getDiscountResellerName() == null) {
            feedback.error("billing.resellerMissing");
            return null;
        }
        confirmingReapply = true;
        return null;
    }

    public String cancelReapply() {
        confirmingReapply = false;
        return null;
    }

    public String reapplyDiscounts() {
        if (discountReseller == null) {
            feedback.error("billing.resellerMissing");
            return null;
        }
        long chosen = discountReseller;
        return counted(() -> orders.reapplyDiscounts(me.actor(), chosen), "billing.discounts.done", getDiscountResellerName());
    }

    /** The name of the reseller chosen for re-applying discounts, for the confirming question. */
    public String getDiscountResellerName() {
        if (discountReseller == null) {
            return null;
        }
        return getResellers().stream().filter(r -> r.id() == discountReseller).map(ResellerView::name).findFirst().orElse(null);
    }

    /** Runs an action that answers how many things it did, and says so: {@code {0}} the count, then {@code more}. */
    private String counted(IntSupplier action, String doneKey, Object... more) {
        try {
            int count = action.getAsInt();
            Object[] args = new Object[more.length + 1];
            args[0] = count;
            System.arraycopy(more, 0, args, 1, more.length);
            feedback.info(doneKey, args);
            return Feedback.reloadOf(RELOAD);
        } catch (InvalidInputException e) {
            feedback.refused(e);
        } catch (NotFoundException e) {
            feedback.error("error.notFound");
        } catch (ForbiddenException e) {
            feedback.error("error.notAllowed");
        }
        return null;
    }

    public Long getReseller() { return reseller; }
    public void setReseller(Long reseller) { this.reseller = reseller; }
    public Long getFundsReseller() { return fundsReseller; }
    public void setFundsReseller(Long fundsReseller) { this.fundsReseller = fundsReseller; }
    public String getFundsAmount() { return fundsAmount; }
    public void setFundsAmount(String fundsAmount) { this.fundsAmount = fundsAmount; }
    public String getFundsNote() { return fundsNote; }
    public void setFundsNote(String fundsNote) { this.fundsNote = fundsNote; }
    public String getMonth() { return month; }
    public void setMonth(String month) { this.month = month; }
    public Long getDiscountReseller() { return discountReseller; }
    public void setDiscountReseller(Long discountReseller) { this.discountReseller = discountReseller; }
    public boolean isConfirmingReapply() { return confirmingReapply; }
}
