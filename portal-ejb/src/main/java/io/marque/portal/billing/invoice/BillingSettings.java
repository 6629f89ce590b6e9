package io.marque.portal.billing.invoice;

import io.marque.portal.billing.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/**
 * How a tenant bills: its invoice numbering (prefix and next number, taken under this row's lock so two
 * invoices never share a number), its tax line, payment terms and late fee. A reseller's row is for its
 * invoices to customers; the provider's for its invoices to resellers.
 */
@Entity
@Table(name = "billing_settings")
public class BillingSettings {

    public static final int DEFAULT_TERMS_DAYS = 14;

    @Id
    @Column(name = "tenant_id")
    private long tenantId;

    @Column(name = "invoice_prefix", nullable = false)
    private String invoicePrefix;

    @Column(name = "next_number", nullable = false)
    private long nextNumber = 1;

    @Column(name = "tax_label")
    private String taxLabel;

    @Column(name = "tax_rate", nullable = false)
    private BigDecimal taxRate = BigDecimal.ZERO;

    @Column(name = "payment_terms_days", nullable = false)
    private int paymentTermsDays = DEFAULT_TERMS_DAYS;

    @Column(name = "late_fee", nullable = false)
    private BigDecimal lateFee = BigDecimal.ZERO;

    @Column(name = "bank_details")
    private String bankDetails;

    @Version
    private long version;

    protected BillingSettings() {
    }

    public BillingSettings(long tenantId, String invoicePrefix) {
        this.tenantId = tenantId;
        this.invoicePrefix = invoicePrefix;
    }

    public long getTenantId() { return tenantId; }
    public String getInvoicePrefix() { return invoicePrefix; }
    public void setInvoicePrefix(String invoicePrefix) { this.invoicePrefix = invoicePrefix; }
    public long getNextNumber() { return nextNumber; }
    public String getTaxLabel() { return taxLabel; }
    public void setTaxLabel(String taxLabel) { this.taxLabel = taxLabel; }
    public BigDecimal getTaxRate() { return taxRate.stripTrailingZeros(); }
    public void setTaxRate(BigDecimal taxRate) { this.taxRate = taxRate; }
    public int getPaymentTermsDays() { return paymentTermsDays; }
    public void setPaymentTermsDays(int paymentTermsDays) { this.paymentTermsDays = paymentTermsDays; }
    public Money lateFee(String currency) { return new Money(lateFee, currency); }
    public BigDecimal getLateFee() { return lateFee; }
    public void setLateFee(BigDecimal lateFee) { this.lateFee = lateFee; }
    public String getBankDetails() { return bankDetails; }
    public void setBankDetails(String bankDetails) { this.bankDetails = bankDetails; }

    /** The next number in this tenant's series, e.g. {@code ACME-000042}; the caller holds the row lock. */
    public String takeNumber() {
        return String.format("%s-%06d", invoicePrefix, nextNumber++);
    }
}
