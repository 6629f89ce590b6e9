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

/**
 * A balance in one currency: a customer's with its reseller, or (no customer) a reseller's with the
 * provider. It only changes together with a {@link LedgerEntry} that records why.
 */
@Entity
@Table(name = "account")
@NamedQuery(name = "Account.of", query = "select a from Account a where a.tenantId = :tenant and a.customerKey = :key and a.currency = :currency")
public class Account {

    /** {@link #customerKey} of a reseller's own account with the provider. */
    public static final long RESELLER = 0L;

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "customer_key", nullable = false)
    private long customerKey;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private BigDecimal balance;

    @Version
    private long version;

    protected Account() {
    }

    public Account(long tenantId, Long customerId, String currency) {
        this.tenantId = tenantId;
        this.customerId = customerId;
        this.customerKey = customerId == null ? RESELLER : customerId;
        this.currency = Money.code(currency);
        this.balance = BigDecimal.ZERO;
    }

    public Long getId() { return id; }
    public long getTenantId() { return tenantId; }
    public Long getCustomerId() { return customerId; }
    public boolean isReseller() { return customerId == null; }
    public String getCurrency() { return currency; }
    public Money balance() { return new Money(balance, currency); }

    /** Adds an opening deposit (demo data); the caller records the ledger entry with it. */
    public Money credit(Money deposit) {
        if (deposit.signum() <= 0) {
            throw new IllegalArgumentException("A deposit is positive");
        }
        return apply(deposit);
    }

    /** Applies a change; the caller records the ledger entry in the same transaction. */
    Money apply(Money change) {
        Money after = balance().plus(change);
        this.balance = after.amount();
        return after;
    }
}
