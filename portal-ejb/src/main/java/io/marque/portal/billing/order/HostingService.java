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
import java.time.LocalDate;

/**
 * What a provisioned order became: a server in service for a customer, renewed every cycle at the
 * reseller's price (to the customer) and at wholesale (to the reseller, consolidated monthly).
 */
@Entity
@Table(name = "hosting_service")
@NamedQuery(name = "HostingService.ofTenant", query = "select s from HostingService s where s.tenantId = :tenant order by s.id desc")
@NamedQuery(name = "HostingService.ofCustomer", query = "select s from HostingService s where s.tenantId = :tenant and s.customerId = :customer order by s.id desc")
@NamedQuery(name = "HostingService.renewalsDue", query = "select s from HostingService s where s.status <> io.marque.portal.billing.order.ServiceStatus.TERMINATED and s.nextDueOn <= :until order by s.id")
@NamedQuery(name = "HostingService.wholesaleDue", query = "select s from HostingService s where s.tenantId = :tenant and s.status <> io.marque.portal.billing.order.ServiceStatus.TERMINATED and s.nextWholesaleOn <= :until order by s.id")
@NamedQuery(name = "HostingService.onInvoice", query = "select s from HostingService s where s.tenantId = :tenant and (s.id in (select l.serviceId from InvoiceLine l where l.tenantId = :tenant and l.invoiceId = :invoice) or s.orderId in (select l.orderId from InvoiceLine l where l.tenantId = :tenant and l.invoiceId = :invoice)) order by s.id")
public class HostingService {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "order_id", nullable = false)
    private long orderId;

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Column(name = "server_id")
    private Long serverId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Cycle cycle;

    @Column(nullable = false)
    private String currency;

    @Column(name = "retail_amount", nullable = false)
    private BigDecimal retailAmount;

    @Column(name = "wholesale_amount", nullable = false)
    private BigDecimal wholesaleAmount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ServiceStatus status = ServiceStatus.ACTIVE;

    @Column(name = "started_on", nullable = false)
    private LocalDate startedOn;

    @Column(name = "next_due_on", nullable = false)
    private LocalDate nextDueOn;

    @Column(name = "next_wholesale_on", nullable = false)
    private LocalDate nextWholesaleOn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected HostingService() {
    }

    /** A service started today whose first period is paid (the order's invoice): the next renewal is one cycle on. */
    public HostingService(CustomerOrder order, Long serverId, LocalDate today, Instant now) {
        this.tenantId = order.getTenantId();
        this.customerId = order.getCustomerId();
        this.orderId = order.getId();
        this.productId = order.getProductId();
        this.serverId = serverId;
        this.cycle = order.getCycle();
        this.currency = order.getCurrency();
        this.retailAmount = order.retailTotal().amount();
        this.wholesaleAmount = order.wholesaleTotal().amount();
        this.startedOn = today;
        this.nextDueOn = cycle.next(today);
        this.nextWholesaleOn = today;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public long getTenantId() { return tenantId; }
    public long getCustomerId() { return customerId; }
    public long getOrderId() { return orderId; }
    public long getProductId() { return productId; }
    public Long getServerId() { return serverId; }
    public Cycle getCycle() { return cycle; }
    public String getCurrency() { return currency; }
    public Money retail() { return new Money(retailAmount, currency); }
    public Money wholesale() { return new Money(wholesaleAmount, currency); }
    public void wholesale(Money amount) { this.wholesaleAmount = amount.amount(); }
    public ServiceStatus getStatus() { return status; }
    public void setStatus(ServiceStatus status) { this.status = status; }
    public LocalDate getStartedOn() { return startedOn; }
    public LocalDate getNextDueOn() { return nextDueOn; }
    public LocalDate getNextWholesaleOn() { return nextWholesaleOn; }
    public Instant getCreatedAt() { return createdAt; }

    /** The customer was invoiced for the period starting at {@link #getNextDueOn()}. */
    public LocalDate renewed() {
        LocalDate start = nextDueOn;
        nextDueOn = cycle.next(nextDueOn);
        return start;
    }

    /** The reseller was invoiced for the period starting at {@link #getNextWholesaleOn()}. */
    public LocalDate wholesaleBilled() {
        LocalDate start = nextWholesaleOn;
        nextWholesaleOn = cycle.next(nextWholesaleOn);
        return start;
    }
}
