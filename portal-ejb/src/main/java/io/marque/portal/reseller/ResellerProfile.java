package io.marque.portal.reseller;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A reseller as the program knows it: its company details, its tier (stored by the daily recompute),
 * its discount policy and the notes provider staff keep about it. One per reseller tenant, made when
 * the tenant is made ({@link ProfileSetup}). The admin notes never leave the provider's area.
 */
@Entity
@Table(name = "reseller_profile")
public class ResellerProfile {

    @Id
    @Column(name = "tenant_id")
    private long tenantId;

    @Column(name = "company_name", nullable = false)
    private String companyName;

    @Column(name = "registration_number")
    private String registrationNumber;

    @Column(name = "tax_id")
    private String taxId;

    @Column
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Tier tier = Tier.BRONZE;

    @Enumerated(EnumType.STRING)
    @Column(name = "discount_policy", nullable = false)
    private PolicyKind discountPolicy = PolicyKind.FIXED;

    /** The reseller's own fixed percentage; {@code null} follows the program's default. */
    @Column(name = "discount_percent")
    private BigDecimal discountPercent;

    @Column(name = "admin_notes")
    private String adminNotes;

    @Column(name = "tier_checked_on")
    private LocalDate tierCheckedOn;

    @Version
    private long version;

    protected ResellerProfile() {
    }

    public ResellerProfile(long tenantId, String companyName) {
        this.tenantId = tenantId;
        this.companyName = companyName;
    }

    public long getTenantId() { return tenantId; }
    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getRegistrationNumber() { return registrationNumber; }
    public void setRegistrationNumber(String registrationNumber) { this.registrationNumber = registrationNumber; }
    public String getTaxId() { return taxId; }
    public void setTaxId(String taxId) { this.taxId = taxId; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Tier getTier() { return tier; }
    public void setTier(Tier tier) { this.tier = tier; }
    public PolicyKind getDiscountPolicy() { return discountPolicy; }
    public void setDiscountPolicy(PolicyKind discountPolicy) { this.discountPolicy = discountPolicy; }
    public BigDecimal getDiscountPercent() { return Percents.plain(discountPercent); }
    public void setDiscountPercent(BigDecimal discountPercent) { this.discountPercent = discountPercent; }
    public String getAdminNotes() { return adminNotes; }
    public void setAdminNotes(String adminNotes) { this.adminNotes = adminNotes; }
    public LocalDate getTierCheckedOn() { return tierCheckedOn; }
    public void setTierCheckedOn(LocalDate tierCheckedOn) { this.tierCheckedOn = tierCheckedOn; }
}
