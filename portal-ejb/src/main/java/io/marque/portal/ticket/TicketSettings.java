package io.marque.portal.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A reseller's ticket settings: the alias provider replies appear under, the defaults a new escalation
 * starts with, its business hours (in the tenant's time zone), and the counter its ticket numbers come
 * from.
 */
@Entity
@Table(name = "ticket_settings")
public class TicketSettings {

    @Id
    @Column(name = "tenant_id")
    private Long tenantId;

    @Column(name = "provider_alias", nullable = false)
    private String providerAlias;

    @Column(name = "provider_may_reply", nullable = false)
    private boolean providerMayReply;

    @Column(name = "share_customer", nullable = false)
    private boolean shareCustomer;

    /** ISO day numbers, Monday = 1, comma-separated */
    @Column(name = "business_days", nullable = false)
    private String businessDays;

    @Column(name = "opens_at", nullable = false)
    private String opensAt;

    @Column(name = "closes_at", nullable = false)
    private String closesAt;

    @Column(name = "next_number", nullable = false)
    private long nextNumber;

    @Version
    private long version;

    protected TicketSettings() {
    }

    public TicketSettings(long tenantId, String providerAlias) {
        this.tenantId = tenantId;
        this.providerAlias = providerAlias;
        this.businessDays = "1,2,3,4,5";
        this.opensAt = "09:00";
        this.closesAt = "18:00";
        this.nextNumber = 1;
    }

    /** Takes the next ticket number; call on a row read with a write lock. */
    public long takeNumber() {
        return nextNumber++;
    }

    public BusinessHours businessHours(ZoneId zone) {
        return new BusinessHours(zone, days(), LocalTime.parse(opensAt), LocalTime.parse(closesAt));
    }

    public Set<DayOfWeek> days() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(businessDays.split(",")).filter(d -> !d.isBlank())
                .forEach(d -> days.add(DayOfWeek.of(Integer.parseInt(d.trim()))));
        return days;
    }

    public void setBusinessHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
        this.businessDays = days.stream().sorted().map(d -> String.valueOf(d.getValue())).collect(Collectors.joining(","));
        this.opensAt = opens.toString();
        this.closesAt = closes.toString();
    }

    public Long getTenantId() { return tenantId; }
    public String getProviderAlias() { return providerAlias; }
    public void setProviderAlias(String providerAlias) { this.providerAlias = providerAlias; }
    public boolean isProviderMayReply() { return providerMayReply; }
    public void setProviderMayReply(boolean providerMayReply) { this.providerMayReply = providerMayReply; }
    public boolean isShareCustomer() { return shareCustomer; }
    public void setShareCustomer(boolean shareCustomer) { this.shareCustomer = shareCustomer; }
    public String getOpensAt() { return opensAt; }
    public String getClosesAt() { return closesAt; }
}
