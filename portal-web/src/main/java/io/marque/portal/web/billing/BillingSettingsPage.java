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
 * How an admin's tenant bills — a reseller its customers ({@code /reseller/billing-settings}), the provider
 * its resellers ({@code /admin/billing-settings}): the invoice number prefix, the tax line, payment terms,
 * the late fee and the bank details printed on invoices and shown to payers.
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

    private long nextNumber;
    private String prefix;
    private String taxLabel;
    private String taxRate;
    private String termsDays;
    private String lateFee;
    private String bankDetails;

    /** The stored settings; a posted form then replaces them with what was typed. */
    @PostConstruct
    void load() {
        BillingSettings stored = invoices.settings(me.actor());
        nextNumber = stored.getNextNumber();
        prefix = stored.getInvoicePrefix();
        taxLabel = stored.getTaxLabel();
        taxRate = stored.getTaxRate().toPlainString();
        termsDays = String.valueOf(stored.getPaymentTermsDays());
        lateFee = stored.getLateFee().signum() == 0 ? "" : stored.getLateFee().stripTrailingZeros().toPlainString();
        bankDetails = stored.getBankDetails();
    }

    public String save() {
        return feedback.act(() -> invoices.saveSettings(me.actor(),
                new Invoices.SettingsForm(prefix, taxLabel, taxRate, days(termsDays), lateFee, bankDetails)),
                "billing.settings.saved");
    }

    /** Days as typed; anything that is no whole number becomes -1, which the invoices service refuses. */
    public static int days(String text) {
        String value = text == null ? "" : text.strip();
        return value.matches("[0-9]{1,6}") ? Integer.parseInt(value) : -1;
    }

    public long getNextNumber() { return nextNumber; }
    public String getPrefix() { return prefix; }
    public void setPrefix(String prefix) { this.prefix = prefix; }
    public String getTaxLabel() { return taxLabel; }
    public void setTaxLabel(String taxLabel) { this.taxLabel = taxLabel; }
    public String getTaxRate() { return taxRate; }
    public void setTaxRate(String taxRate) { this.taxRate = taxRate; }
    public String getTermsDays() { return termsDays; }
    public void setTermsDays(String termsDays) { this.termsDays = termsDays; }
    public String getLateFee() { return lateFee; }
    public void setLateFee(String lateFee) { this.lateFee = lateFee; }
    public String getBankDetails() { return bankDetails; }
    public void setBankDetails(String bankDetails) { this.bankDetails = bankDetails; }
}
