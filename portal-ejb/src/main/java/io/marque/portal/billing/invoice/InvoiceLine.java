package io.marque.portal.billing.invoice;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.discount.Category;
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
import java.math.BigDecimal;

/** One line of an invoice: quantity × unit amount, with what it bills (an order, or a service's period). */
@Entity
@Table(name = "invoice_line")
@NamedQuery(name = "InvoiceLine.ofInvoice", query = "select l from InvoiceLine l where l.tenantId = :tenant and l.invoiceId = :invoice order by l.position")
public class InvoiceLine {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "invoice_id", nullable = false)
    private long invoiceId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Category category;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_amount", nullable = false)
    private BigDecimal unitAmount;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(name = "order_id")
    private Long orderId;

    @Column(name = "service_id")
    private Long serviceId;

    protected InvoiceLine() {
    }

    public InvoiceLine(Invoice invoice, int position, Draft draft) {
        this.tenantId = invoice.getTenantId();
        this.invoiceId = invoice.getId();
        this.position = position;
        this.description = draft.description();
        this.category = draft.category();
        this.quantity = draft.quantity();
        this.unitAmount = draft.unit().amount();
        this.amount = draft.amount().amount();
        this.orderId = draft.orderId();
        this.serviceId = draft.serviceId();
    }

    public Long getId() { return id; }
    public long getInvoiceId() { return invoiceId; }
    public int getPosition() { return position; }
    public String getDescription() { return description; }
    public Category getCategory() { return category; }
    public int getQuantity() { return quantity; }
    public BigDecimal getUnitAmount() { return unitAmount; }
    public BigDecimal getAmount() { return amount; }
    public Long getOrderId() { return orderId; }
    public Long getServiceId() { return serviceId; }

    /** A line before it is written: what the invoice service is asked to bill. */
    public record Draft(String description, Category category, int quantity, Money unit, Long orderId, Long serviceId) {
        public Draft {
            if (quantity < 1) {
                throw new IllegalArgumentException("A quantity is at least 1");
            }
        }

        public Money amount() {
            return unit.times(quantity);
        }
    }
}
