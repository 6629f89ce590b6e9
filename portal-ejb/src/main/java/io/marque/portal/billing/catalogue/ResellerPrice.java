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

/** A reseller's own price of a product to its customers, for one cycle in one currency. */
@Entity
@Table(name = "reseller_price")
@NamedQuery(name = "ResellerPrice.ofTenant", query = "select p from ResellerPrice p where p.tenantId = :tenant order by p.productId, p.currency, p.cycle")
@NamedQuery(name = "ResellerPrice.of", query = "select p from ResellerPrice p where p.tenantId = :tenant and p.productId = :product and p.cycle = :cycle and p.currency = :currency")
public class ResellerPrice {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Cycle cycle;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private BigDecimal amount;

    protected ResellerPrice() {
    }

    public ResellerPrice(long tenantId, long productId, Cycle cycle, String currency, BigDecimal amount) {
        this.tenantId = tenantId;
        this.productId = productId;
        this.cycle = cycle;
        this.currency = currency;
        this.amount = amount;
    }

    public Long getId() { return id; }
    public long getTenantId() { return tenantId; }
    public long getProductId() { return productId; }
    public Cycle getCycle() { return cycle; }
    public String getCurrency() { return currency; }
    public BigDecimal getAmount() { return Money.scaled(amount, currency); }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
}
