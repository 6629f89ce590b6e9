package io.marque.portal.web.billing;

import io.marque.portal.billing.invoice.BillingSettings;
import io.marque.portal.billing.invoice.Invoices;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * An admin's billing settings — a reseller's for its customers ({@code /reseller/billing-settings}), the
 * provider's for its resellers ({@code /admin/billing-settings}): invoice prefix, tax line, payment terms,
 * late fee and the bank details shown to payers.
 */
@Named
@RequestScoped
public class BillingSettingsPage {

    @Inject
    Invoices invoices;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private String prefix;
    private String taxLabel;
    private String taxRate;
    private int termsDays;
    private String lateFee;
    private String bankDetails;
    private long nextNumber;

    @PostConstruct
    void load() {
        BillingSettings stored = invoices.settings(me.actor());
        prefix = stored.getInvoicePrefix();
        taxLabel = stored.getTaxLabel();
        taxRate = stored.getTaxRate().toPlainString();
        termsDays = stored.getPaymentTermsDays();
        lateFee = stored.getLateFee().stripTrailingZeros().toPlainString();
        bankDetails = stored.getBankDetails();
        nextNumber = stored.getNextNumber();
    }

    public String save() {
        return feedback.act(() -> invoices.saveSettings(me.actor(),
                new Invoices.SettingsForm(prefix, taxLabel, taxRate, termsDays, lateFee, bankDetails)), "billing.settingsSaved");
    }

    public long getNextNumber() { return nextNumber; }
    public String getPrefix() { return prefix; }
    public void setPrefix(String prefix) { this.prefix = prefix; }
    public String getTaxLabel() { return taxLabel; }
    public void setTaxLabel(String taxLabel) { this.taxLabel = taxLabel; }
    public String getTaxRate() { return taxRate; }
    public void setTaxRate(String taxRate) { this.taxRate = taxRate; }
    public int getTermsDays() { return termsDays; }
    public void setTermsDays(int termsDays) { this.termsDays = termsDays; }
    public String getLateFee() { return lateFee; }
    public void setLateFee(String lateFee) { this.lateFee = lateFee; }
    public String getBankDetails() { return bankDetails; }
    public void setBankDetails(String bankDetails) { this.bankDetails = bankDetails; }
}
