package io.marque.portal.server;

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

/**
 * One server of the provider's inventory: what its user may see (host name, specs, location, OS,
 * power) beside what never leaves the provider area (rack, BMC, upstream id, cost). Assigned to a
 * reseller through {@link #getTenantId()} and by the reseller to one of its customers. Views decide
 * who sees which field: {@link ServerView} for resellers and customers, {@link InventoryView} for the
 * provider.
 */
@Entity
@Table(name = "server")
@NamedQuery(name = "Server.ofTenant", query = "select s from Server s where s.tenantId = :tenant and s.id > :after order by s.id")
@NamedQuery(name = "Server.ofCustomer", query = "select s from Server s where s.tenantId = :tenant and s.customerId = :customer and s.id > :after and s.status <> io.marque.portal.server.ServerStatus.TERMINATED order by s.id")
@NamedQuery(name = "Server.all", query = "select s from Server s order by s.id")
@NamedQuery(name = "Server.withTraffic", query = "select s from Server s where (s.tenantId is not null or s.trafficHost is not null) and s.status <> io.marque.portal.server.ServerStatus.TERMINATED")
public class Server {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(name = "tenant_id")
    private Long tenantId;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(nullable = false)
    private String hostname;

    @Column(nullable = false)
    private String cpu;

    @Column(name = "ram_gb", nullable = false)
    private int ramGb;

    @Column(nullable = false)
    private String disks;

    @Column(nullable = false)
    private String location;

    @Column(nullable = false)
    private String os;

    @Column(nullable = false)
    private String driver;

    private String rack;

    @Column(name = "bmc_host")
    private String bmcHost;

    @Column(name = "bmc_port", nullable = false)
    private int bmcPort = 623;

    @Column(name = "bmc_user")
    private String bmcUser;

    @Column(name = "bmc_password_sealed")
    private String bmcPasswordSealed;

    @Column(name = "upstream_id")
    private String upstreamId;

    @Column(name = "monthly_cost")
    private BigDecimal monthlyCost;

    @Column(name = "cost_currency")
    private String costCurrency;

    @Column(name = "reseller_label")
    private String resellerLabel;

    @Column(name = "reseller_notes")
    private String resellerNotes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ServerStatus status = ServerStatus.ACTIVE;

    @Enumerated(EnumType.STRING)
    @Column(name = "suspension_cause")
    private SuspensionCause suspensionCause;

    @Column(name = "suspension_note")
    private String suspensionNote;

    @Column(name = "power_state")
    private String powerState;

    @Column(name = "power_read_at")
    private Instant powerReadAt;

    @Column(name = "active_job_id")
    private Long activeJobId;

    @Column(name = "traffic_rx_counter")
    private Long trafficRxCounter;

    @Column(name = "traffic_tx_counter")
    private Long trafficTxCounter;

    @Column(name = "traffic_host")
    private String trafficHost;

    @Column(name = "traffic_if_index")
    private Integer trafficIfIndex;

    @Column(name = "traffic_community_sealed")
    private String trafficCommunitySealed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Server() {
    }

    public Server(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public void setTenantId(Long tenantId) { this.tenantId = tenantId; }
    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public String getHostname() { return hostname; }
    public void setHostname(String hostname) { this.hostname = hostname; }
    public String getCpu() { return cpu; }
    public void setCpu(String cpu) { this.cpu = cpu; }
    public int getRamGb() { return ramGb; }
    public void setRamGb(int ramGb) { this.ramGb = ramGb; }
    public String getDisks() { return disks; }
    public void setDisks(String disks) { this.disks = disks; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public String getOs() { return os; }
    public void setOs(String os) { this.os = os; }
    public String getDriver() { return driver; }
    public void setDriver(String driver) { this.driver = driver; }
    public String getRack() { return rack; }
    public void setRack(String rack) { this.rack = rack; }
    public String getBmcHost() { return bmcHost; }
    public void setBmcHost(String bmcHost) { this.bmcHost = bmcHost; }
    public int getBmcPort() { return bmcPort; }
    public void setBmcPort(int bmcPort) { this.bmcPort = bmcPort; }
    public String getBmcUser() { return bmcUser; }
    public void setBmcUser(String bmcUser) { this.bmcUser = bmcUser; }
    public String getBmcPasswordSealed() { return bmcPasswordSealed; }
    public void setBmcPasswordSealed(String bmcPasswordSealed) { this.bmcPasswordSealed = bmcPasswordSealed; }
    public String getUpstreamId() { return upstreamId; }
    public void setUpstreamId(String upstreamId) { this.upstreamId = upstreamId; }
    public BigDecimal getMonthlyCost() { return monthlyCost; }
    public void setMonthlyCost(BigDecimal monthlyCost) { this.monthlyCost = monthlyCost; }
    public String getCostCurrency() { return costCurrency; }
    public void setCostCurrency(String costCurrency) { this.costCurrency = costCurrency; }
    public String getResellerLabel() { return resellerLabel; }
    public void setResellerLabel(String resellerLabel) { this.resellerLabel = resellerLabel; }
    public String getResellerNotes() { return resellerNotes; }
    public void setResellerNotes(String resellerNotes) { this.resellerNotes = resellerNotes; }
    public ServerStatus getStatus() { return status; }
    public void setStatus(ServerStatus status) { this.status = status; }
    public SuspensionCause getSuspensionCause() { return suspensionCause; }
    public void setSuspensionCause(SuspensionCause suspensionCause) { this.suspensionCause = suspensionCause; }
    public String getSuspensionNote() { return suspensionNote; }
    public void setSuspensionNote(String suspensionNote) { this.suspensionNote = suspensionNote; }
    public String getPowerState() { return powerState; }
    public Instant getPowerReadAt() { return powerReadAt; }
    public Long getActiveJobId() { return activeJobId; }
    public void setActiveJobId(Long activeJobId) { this.activeJobId = activeJobId; }
    public Long getTrafficRxCounter() { return trafficRxCounter; }
    public Long getTrafficTxCounter() { return trafficTxCounter; }
    /** The switch whose port gives this server's traffic over SNMP; null when its driver gives it. */
    public String getTrafficHost() { return trafficHost; }
    public void setTrafficHost(String trafficHost) { this.trafficHost = trafficHost; }
    public Integer getTrafficIfIndex() { return trafficIfIndex; }
    public void setTrafficIfIndex(Integer trafficIfIndex) { this.trafficIfIndex = trafficIfIndex; }
    public String getTrafficCommunitySealed() { return trafficCommunitySealed; }
    public void setTrafficCommunitySealed(String trafficCommunitySealed) { this.trafficCommunitySealed = trafficCommunitySealed; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }

    public void powerRead(String state, Instant at) {
        this.powerState = state;
        this.powerReadAt = at;
    }

    public void trafficCounters(long rx, long tx) {
        this.trafficRxCounter = rx;
        this.trafficTxCounter = tx;
    }

    public boolean isSuspended() {
        return status == ServerStatus.SUSPENDED;
    }

    /** Suspends it for {@code cause}, keeping the words the customer reads about it. */
    public void suspend(SuspensionCause cause) {
        this.status = ServerStatus.SUSPENDED;
        this.suspensionCause = cause;
    }

    /** Suspends it for {@code cause}; {@code note} is what its customer reads ({@code null}: nothing). */
    public void suspend(SuspensionCause cause, String note) {
        suspend(cause);
        this.suspensionNote = note;
    }

    /** Lifts a suspension, whoever made it, with the words that explained it. */
    public void unsuspend() {
        this.status = ServerStatus.ACTIVE;
        this.suspensionCause = null;
        this.suspensionNote = null;
    }

    /**
     * Ends its service: it leaves its reseller and customer, with the reseller's label and notes, and waits
     * as {@link ServerStatus#TERMINATED} in the provider's pool until the provider makes it ready again.
     */
    public void terminate() {
        this.status = ServerStatus.TERMINATED;
        this.suspensionCause = null;
        this.suspensionNote = null;
        this.tenantId = null;
        this.customerId = null;
        this.resellerLabel = null;
        this.resellerNotes = null;
    }
}
