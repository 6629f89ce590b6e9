package io.marque.portal.billing.account;

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

/** Money on its way into an account through a payment method; credited only once confirmed. */
@Entity
@Table(name = "payment")
@NamedQuery(name = "Payment.pending", query = "select p from Payment p where p.tenantId = :tenant and p.status = io.marque.portal.billing.account.PaymentStatus.PENDING order by p.id")
@NamedQuery(name = "Payment.ofAccount", query = "select p from Payment p where p.tenantId = :tenant and p.accountId = :account order by p.id desc")
public class Payment {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false)
    private String method;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status = PaymentStatus.PENDING;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private String reference;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Version
    private long version;

    protected Payment() {
    }

    public Payment(Account account, String method, Money amount, String reference, Instant createdAt) {
        this.tenantId = account.getTenantId();
        this.accountId = account.getId();
        this.method = method;
        this.amount = amount.amount();
        this.currency = amount.currency();
        this.reference = reference;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public long getTenantId() { return tenantId; }
    public long getAccountId() { return accountId; }
    public String getMethod() { return method; }
    public PaymentStatus getStatus() { return status; }
    public Money amount() { return new Money(amount, currency); }
    public String getReference() { return reference; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecidedBy() { return decidedBy; }

    void decide(PaymentStatus outcome, String by, Instant at) {
        this.status = outcome;
        this.decidedBy = by;
        this.decidedAt = at;
    }
}
