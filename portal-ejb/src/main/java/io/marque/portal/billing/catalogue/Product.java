package io.marque.portal.billing.catalogue;

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
import jakarta.persistence.Version;
import java.time.Instant;

/** One of the provider's products, which resellers sell under their own brand and price. */
@Entity
@Table(name = "product")
@NamedQuery(name = "Product.all", query = "select p from Product p order by p.kind, p.category, p.name, p.id")
@NamedQuery(name = "Product.byCode", query = "select p from Product p where p.code = :code")
public class Product {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Category category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProductKind kind;

    @Column(name = "min_ram_gb")
    private Integer minRamGb;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Product() {
    }

    public Product(String code, String name, String description, Category category, ProductKind kind, Integer minRamGb,
            Instant createdAt) {
        this.code = code;
        this.name = name;
        this.description = description;
        this.category = category;
        this.kind = kind;
        this.minRamGb = minRamGb;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Category getCategory() { return category; }
    public void setCategory(Category category) { this.category = category; }
    public ProductKind getKind() { return kind; }
    public Integer getMinRamGb() { return minRamGb; }
    public void setMinRamGb(Integer minRamGb) { this.minRamGb = minRamGb; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public Instant getCreatedAt() { return createdAt; }
}
