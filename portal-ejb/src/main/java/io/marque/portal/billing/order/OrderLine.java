package io.marque.portal.billing.order;

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

/** The plan or one add-on of an order, with the reseller's price, the provider's list price and the wholesale price. */
@Entity
@Table(name = "order_line")
@NamedQuery(name = "OrderLine.ofOrder", query = "select l from OrderLine l where l.tenantId = :tenant and l.orderId = :order order by l.position")
public class OrderLine {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "order_id", nullable = false)
    private long orderId;

    @Column(nullable = false)
    private int position;

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Column(name = "add_on", nullable = false)
    private boolean addOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Category category;

    @Column(nullable = false)
    private String description;

    @Column(name = "retail_amount", nullable = false)
    private BigDecimal retailAmount;

    @Column(name = "list_amount", nullable = false)
    private BigDecimal listAmount;

    @Column(name = "discount_percent", nullable = false)
    private BigDecimal discountPercent;

    @Column(name = "wholesale_amount", nullable = false)
    private BigDecimal wholesaleAmount;

    protected OrderLine() {
    }

    public OrderLine(CustomerOrder order, int position, QuoteLine line) {
        this.tenantId = order.getTenantId();
        this.orderId = order.getId();
        this.position = position;
        this.productId = line.productId();
        this.addOn = line.addOn();
        this.category = line.category();
        this.description = line.description();
        this.retailAmount = line.retail().amount();
        this.listAmount = line.list().amount();
        this.discountPercent = line.discountPercent();
        this.wholesaleAmount = line.wholesale().amount();
    }

    public Long getId() { return id; }
    public long getOrderId() { return orderId; }
    public int getPosition() { return position; }
    public long getProductId() { return productId; }
    public boolean isAddOn() { return addOn; }
    public Category getCategory() { return category; }
    public String getDescription() { return description; }
    public BigDecimal getRetailAmount() { return retailAmount; }
    public BigDecimal getListAmount() { return listAmount; }
    public BigDecimal getDiscountPercent() { return discountPercent.stripTrailingZeros(); }
    public BigDecimal getWholesaleAmount() { return wholesaleAmount; }

    /** A discount re-applied by a provider admin: new percentage and wholesale price from now on. */
    void reprice(BigDecimal percent, Money wholesale) {
        this.discountPercent = percent;
        this.wholesaleAmount = wholesale.amount();
    }
}
