package io.marque.portal.billing.invoice;

import io.marque.portal.billing.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An invoice, its totals kept beside its lines: {@code total = subtotal + tax + late fee}, with the tax
 * computed once from the subtotal. Lines are {@link InvoiceLine}s, written with it and never changed.
 */
@Entity
@Table(name = "invoice")
@NamedQuery(name = "Invoice.ofTenant", query = "select i from Invoice i where i.tenantId = :tenant and i.kind = :kind order by i.id desc")
@NamedQuery(name = "Invoice.ofCustomer", query = "select i from Invoice i where i.tenantId = :tenant and i.customerId = :customer and i.kind <> io.marque.portal.billing.invoice.InvoiceKind.WHOLESALE order by i.id desc")
@NamedQuery(name = "Invoice.unpaid", query = "select i from Invoice i where i.status = io.marque.portal.billing.invoice.InvoiceStatus.ISSUED and i.kind <> io.marque.portal.billing.invoice.InvoiceKind.CREDIT_NOTE and i.dueOn <= :until order by i.id")
@NamedQuery(name = "Invoice.ofPeriod", query = "select i from Invoice i where i.tenantId = :tenant and i.kind = :kind and i.period = :period and i.currency = :currency")
@NamedQuery(name = "Invoice.dunningDue", query = "select i.id from Invoice i where i.status = io.marque.portal.billing.invoice.InvoiceStatus.ISSUED and i.kind in (io.marque.portal.billing.invoice.InvoiceKind.CUSTOMER, io.marque.portal.billing.invoice.InvoiceKind.WHOLESALE) and i.dunningStep <> io.marque.portal.billing.invoice.DunningStep.TERMINATED and i.dueOn <= :until order by i.id")
@NamedQuery(name = "Invoice.suspendingService", query = "select count(i) from Invoice i where i.tenantId = :tenant and i.id <> :invoice and i.status = io.marque.portal.billing.invoice.InvoiceStatus.ISSUED and i.dunningStep = io.marque.portal.billing.invoice.DunningStep.SUSPENDED and exists (select l from InvoiceLine l where l.tenantId = :tenant and l.invoiceId = i.id and (l.serviceId = :service or l.orderId = :order))")
public class Invoice {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "issuer_tenant_id", nullable = false)
    private long issuerTenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvoiceKind kind;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(nullable = false)
    private String number;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private BigDecimal subtotal;

    @Column(name = "tax_label")
    private String taxLabel;

    @Column(name = "tax_rate", nullable = false)
    private BigDecimal taxRate;

    @Column(name = "tax_amount", nullable = false)
    private BigDecimal taxAmount;

    @Column(name = "late_fee", nullable = false)
    private BigDecimal lateFee;

    @Column(nullable = false)
    private BigDecimal total;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvoiceStatus status = InvoiceStatus.ISSUED;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "extended_to")
    private LocalDate extendedTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "dunning_step", nullable = false)
    private DunningStep dunningStep = DunningStep.NONE;

    @Column(name = "paid_at")
    private Instant paidAt;

    private String period;

    @Column(name = "credited_invoice_id")
    private Long creditedInvoiceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The customer as billed when the invoice was issued: kept when the customer is renamed or erased. */
    @Column(name = "bill_to_name")
    private String billToName;

    @Column(name = "bill_to_company")
    private String billToCompany;

    @Column(name = "bill_to_email")
    private String billToEmail;

    @Version
    private long version;

    protected Invoice() {
    }

    public Invoice(long tenantId, long issuerTenantId, InvoiceKind kind, Long customerId, String number, InvoiceTotals totals,
            LocalDate issuedOn, LocalDate dueOn, Instant createdAt) {
        this.tenantId = tenantId;
        this.issuerTenantId = issuerTenantId;
        this.kind = kind;
        this.customerId = customerId;
        this.number = number;
        this.currency = totals.subtotal().currency();
        this.subtotal = totals.subtotal().amount();
        this.taxLabel = totals.taxLabel();
        this.taxRate = totals.taxRate();
        this.taxAmount = totals.tax().amount();
        this.lateFee = BigDecimal.ZERO;
        this.total = totals.total().amount();
        this.issuedOn = issuedOn;
        this.dueOn = dueOn;
        this.createdAt = createdAt;
    }

    /** Freezes whom a customer's invoice bills; called once, when it is issued. */
    void billTo(String name, String company, String email) {
        this.billToName = name;
        this.billToCompany = company;
        this.billToEmail = email;
    }

    public String getBillToName() { return billToName; }
    public String getBillToCompany() { return billToCompany; }
    public String getBillToEmail() { return billToEmail; }

    public Long getId() { return id; }
    public long getTenantId() { return tenantId; }
    public long getIssuerTenantId() { return issuerTenantId; }
    public InvoiceKind getKind() { return kind; }
    public Long getCustomerId() { return customerId; }
    public String getNumber() { return number; }
    public String getCurrency() { return currency; }
    public Money subtotal() { return new Money(subtotal, currency); }
    public String getTaxLabel() { return taxLabel; }
    public BigDecimal getTaxRate() { return taxRate.stripTrailingZeros(); }
    public Money tax() { return new Money(taxAmount, currency); }
    public Money lateFee() { return new Money(lateFee, currency); }
    public Money total() { return new Money(total, currency); }
    public InvoiceStatus getStatus() { return status; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public LocalDate getDueOn() { return dueOn; }
    public LocalDate getExtendedTo() { return extendedTo; }
    /** The due date dunning counts from: the extension when one was granted. */
    public LocalDate effectiveDueOn() { return extendedTo != null && extendedTo.isAfter(dueOn) ? extendedTo : dueOn; }
    public DunningStep getDunningStep() { return dunningStep; }
    public Instant getPaidAt() { return paidAt; }
    public String getPeriod() { return period; }
    public void setPeriod(String period) { this.period = period; }
    public Long getCreditedInvoiceId() { return creditedInvoiceId; }
    public void setCreditedInvoiceId(Long creditedInvoiceId) { this.creditedInvoiceId = creditedInvoiceId; }
    public Instant getCreatedAt() { return createdAt; }

    public void markPaid(Instant at) {
        this.status = InvoiceStatus.PAID;
        this.paidAt = at;
    }

    public void markVoid() {
        this.status = InvoiceStatus.VOID;
    }

    public void extendTo(LocalDate until) {
        this.extendedTo = until;
    }

    public void dunning(DunningStep step) {
        this.dunningStep = step;
    }

    /** Adds the late fee to what is owed; only once. */
    public void chargeLateFee(Money fee) {
        if (lateFee.signum() != 0) {
            throw new IllegalStateException("Invoice " + number + " already carries a late fee");
        }
        this.lateFee = fee.amount();
        this.total = total().plus(fee).amount();
    }
}
