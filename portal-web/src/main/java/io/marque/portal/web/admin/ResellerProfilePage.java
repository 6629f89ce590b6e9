package io.marque.portal.web.admin;

import io.marque.portal.reseller.PolicyKind;
import io.marque.portal.reseller.ProfileChange;
import io.marque.portal.reseller.ProfileView;
import io.marque.portal.reseller.ResellerProfiles;
import io.marque.portal.tenant.ResellerAdministration;
import io.marque.portal.tenant.TenantStatus;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * One reseller's program profile for the provider admin ({@code /admin/reseller-profile?id=…}): company
 * details, tier and standing, discount policy, status, and the admin notes only provider staff read.
 */
@Named
@ViewScoped
public class ResellerProfilePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ResellerProfiles profiles;

    @Inject
    ResellerAdministration resellers;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private Long id;
    private transient ProfileView profile;
    private boolean filled;
    private String companyName;
    private String registrationNumber;
    private String taxId;
    private String address;
    private PolicyKind policy;
    private String discountPercent;
    private String adminNotes;

    public void load() {
        ProfileView found = getProfile();
        if (found == null) {
            Pages.notFound();
            return;
        }
        if (!filled) {
            companyName = found.standing().companyName();
            registrationNumber = found.standing().registrationNumber();
            taxId = found.standing().taxId();
            address = found.standing().address();
            policy = found.standing().policy();
            discountPercent = found.discountPercent() == null ? null : found.discountPercent().toPlainString();
            adminNotes = found.adminNotes();
            filled = true;
        }
    }

    /** The profile, loaded again after a postback; null when there is no such reseller. */
    public ProfileView getProfile() {
        if (profile == null) {
            id = id != null ? id : Pages.longParameter("id");
            profile = id == null ? null : Pages.found(() -> profiles.get(me.actor(), id));
        }
        return profile;
    }

    public List<PolicyKind> getPolicies() {
        return List.of(PolicyKind.values());
    }

    public String save() {
        return feedback.act(() -> profiles.update(me.actor(), id, new ProfileChange(companyName, registrationNumber,
                taxId, address, policy, discountPercent, adminNotes)), "resellerProfile.saved", back());
    }

    public String suspend() {
        return feedback.act(() -> resellers.setStatus(me.actor(), id, TenantStatus.SUSPENDED), "resellers.suspended", back());
    }

    public String deactivate() {
        return feedback.act(() -> resellers.setStatus(me.actor(), id, TenantStatus.INACTIVE), "resellers.deactivated", back());
    }

    public String reactivate() {
        return feedback.act(() -> resellers.setStatus(me.actor(), id, TenantStatus.ACTIVE), "resellers.reactivated", back());
    }

    private String back() {
        return "/admin/reseller-profile?faces-redirect=true&id=" + id;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getRegistrationNumber() { return registrationNumber; }
    public void setRegistrationNumber(String registrationNumber) { this.registrationNumber = registrationNumber; }
    public String getTaxId() { return taxId; }
    public void setTaxId(String taxId) { this.taxId = taxId; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public PolicyKind getPolicy() { return policy; }
    public void setPolicy(PolicyKind policy) { this.policy = policy; }
    public String getDiscountPercent() { return discountPercent; }
    public void setDiscountPercent(String discountPercent) { this.discountPercent = discountPercent; }
    public String getAdminNotes() { return adminNotes; }
    public void setAdminNotes(String adminNotes) { this.adminNotes = adminNotes; }
}
