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
import java.math.BigDecimal;
import java.time.Instant;

/** One change of a balance, never edited: the balance is always the sum of its entries. */
@Entity
@Table(name = "ledger_entry")
@NamedQuery(name = "LedgerEntry.ofAccount", query = "select e from LedgerEntry e where e.tenantId = :tenant and e.accountId = :account order by e.id desc")
@NamedQuery(name = "LedgerEntry.sumOfAccount", query = "select coalesce(sum(e.amount), 0) from LedgerEntry e where e.tenantId = :tenant and e.accountId = :account")
public class LedgerEntry {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LedgerKind kind;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(name = "balance_after", nullable = false)
    private BigDecimal balanceAfter;

    @Column(nullable = false)
    private String currency;

    @Column(name = "invoice_id")
    private Long invoiceId;

    @Column(name = "payment_id")
    private Long paymentId;

    private String note;

    @Column(nullable = false)
    private String actor;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected LedgerEntry() {
    }

    public LedgerEntry(Account account, LedgerKind kind, Money amount, Money balanceAfter, Long invoiceId, Long paymentId,
            String note, String actor, Instant createdAt) {
        this.tenantId = account.getTenantId();
        this.accountId = account.getId();
        this.kind = kind;
        this.amount = amount.amount();
        this.balanceAfter = balanceAfter.amount();
        this.currency = amount.currency();
        this.invoiceId = invoiceId;
        this.paymentId = paymentId;
        this.note = note;
        this.actor = actor;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public long getAccountId() { return accountId; }
    public LedgerKind getKind() { return kind; }
    public Money amount() { return new Money(amount, currency); }
    public Money balanceAfter() { return new Money(balanceAfter, currency); }
    public Long getInvoiceId() { return invoiceId; }
    public Long getPaymentId() { return paymentId; }
    public String getNote() { return note; }
    public String getActor() { return actor; }
    public Instant getCreatedAt() { return createdAt; }
}
