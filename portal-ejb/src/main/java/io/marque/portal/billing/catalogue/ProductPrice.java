package io.marque.portal.billing.catalogue;

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
import java.math.BigDecimal;

/** The provider's list price of a product for one cycle in one currency; wholesale is this less the discount. */
@Entity
@Table(name = "product_price")
@NamedQuery(name = "ProductPrice.all", query = "select p from ProductPrice p order by p.productId, p.currency, p.cycle")
@NamedQuery(name = "ProductPrice.of", query = "select p from ProductPrice p where p.productId = :product and p.cycle = :cycle and p.currency = :currency")
public class ProductPrice {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Cycle cycle;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private BigDecimal amount;

    protected ProductPrice() {
    }

    public ProductPrice(long productId, Cycle cycle, String currency, BigDecimal amount) {
        this.productId = productId;
        this.cycle = cycle;
        this.currency = currency;
        this.amount = amount;
    }

    public Long getId() { return id; }
    public long getProductId() { return productId; }
    public Cycle getCycle() { return cycle; }
    public String getCurrency() { return currency; }
    public BigDecimal getAmount() { return Money.scaled(amount, currency); }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
}
