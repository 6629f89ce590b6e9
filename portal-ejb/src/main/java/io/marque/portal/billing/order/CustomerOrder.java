package io.marque.portal.billing.order;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.catalogue.Cycle;
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

/** A reseller's order on behalf of one of its customers: one plan with its add-ons, for one cycle. */
@Entity
@Table(name = "customer_order")
@NamedQuery(name = "CustomerOrder.ofTenant", query = "select o from CustomerOrder o where o.tenantId = :tenant and o.id < :after order by o.id desc")
@NamedQuery(name = "CustomerOrder.ofCustomer", query = "select o from CustomerOrder o where o.tenantId = :tenant and o.customerId = :customer order by o.id desc")
@NamedQuery(name = "CustomerOrder.awaitingServer", query = "select o from CustomerOrder o where o.status = io.marque.portal.billing.order.OrderStatus.PAID order by o.id")
@NamedQuery(name = "CustomerOrder.byInvoice", query = "select o from CustomerOrder o where o.tenantId = :tenant and o.invoiceId = :invoice")
public class CustomerOrder {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Cycle cycle;

    @Column(nullable = false)
    private String currency;

    @Column(name = "retail_total", nullable = false)
    private BigDecimal retailTotal;

    @Column(name = "wholesale_total", nullable = false)
    private BigDecimal wholesaleTotal;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status = OrderStatus.PENDING;

    @Column(name = "invoice_id")
    private Long invoiceId;

    private String note;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "provisioned_at")
    private Instant provisionedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Version
    private long version;

    protected CustomerOrder() {
    }

    public CustomerOrder(long tenantId, long customerId, long productId, Cycle cycle, Money retailTotal, Money wholesaleTotal,
            String note, String createdBy, Instant createdAt) {
        this.tenantId = tenantId;
        this.customerId = customerId;
        this.productId = productId;
        this.cycle = cycle;
        this.currency = retailTotal.currency();
        this.retailTotal = retailTotal.amount();
        this.wholesaleTotal = wholesaleTotal.amount();
        this.note = note;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public long getTenantId() { return tenantId; }
    public long getCustomerId() { return customerId; }
    public long getProductId() { return productId; }
    public Cycle getCycle() { return cycle; }
    public String getCurrency() { return currency; }
    public Money retailTotal() { return new Money(retailTotal, currency); }
    public Money wholesaleTotal() { return new Money(wholesaleTotal, currency); }
    public void wholesaleTotal(Money total) { this.wholesaleTotal = total.amount(); }
    public OrderStatus getStatus() { return status; }
    public Long getInvoiceId() { return invoiceId; }
    public void setInvoiceId(Long invoiceId) { this.invoiceId = invoiceId; }
    public String getNote() { return note; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getPaidAt() { return paidAt; }
    public Instant getProvisionedAt() { return provisionedAt; }
    public Instant getCancelledAt() { return cancelledAt; }

    void paid(Instant at) {
        this.status = OrderStatus.PAID;
        this.paidAt = at;
    }

    void provisioned(Instant at) {
        this.status = OrderStatus.PROVISIONED;
        this.provisionedAt = at;
    }

    void cancelled(Instant at) {
        this.status = OrderStatus.CANCELLED;
        this.cancelledAt = at;
    }

    /** Erasure on request ({@code privacy.CustomerPrivacy}): the note goes, and who placed it if that was the customer. */
    public void forget(String createdBy) {
        this.note = null;
        this.createdBy = createdBy;
    }
}
