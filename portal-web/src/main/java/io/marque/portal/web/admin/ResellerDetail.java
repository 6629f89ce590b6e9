package io.marque.portal.web.admin;

import io.marque.portal.api.ApiLimits;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.account.Accounts;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.DomainService;
import io.marque.portal.tenant.DomainView;
import io.marque.portal.tenant.ResellerAdministration;
import io.marque.portal.tenant.ResellerView;
import io.marque.portal.tenant.TenantStatus;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/**
 * One reseller in the provider console: its status, its domains (add, remove, make primary), its
 * balance with the provider, with a link to its invoices, and its API rate limits (its own, or the
 * installation's).
 */
@Named
@ViewScoped
public class ResellerDetail implements java.io.Serializable {

    @Inject
    ResellerAdministration resellers;

    @Inject
    DomainService domains;

    @Inject
    Accounts accounts;

    @Inject
    ApiLimits apiLimits;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private Long id;
    private ResellerView reseller;
    private List<DomainView> domainList;
    private String newDomain;
    private transient Money balance;
    private transient ApiLimits.Limits limits;
    /** The limits form as typed: the installation's defaults, or the reseller's own numbers. */
    private Boolean limitsDefault;
    private String perMinute;
    private String burst;

    public void load() throws IOException {
        try {
            if (id == null) {
                throw new NotFoundException("Reseller");
            }
            reseller = resellers.get(me.actor(), id);
        } catch (NotFoundException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, null);
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public List<DomainView> getDomains() {
        if (domainList == null) {
            domainList = domains.of(me.actor(), id);
        }
        return domainList;
    }

    /** The reseller's balance with the provider, in its own currency. */
    public Money getBalance() {
        if (balance == null && id != null) {
            balance = accounts.ofResellerForProvider(me.actor(), id, null).balance();
        }
        return balance;
    }

    /** The API limits the reseller's keys have now. */
    public ApiLimits.Limits getLimits() {
        if (limits == null && id != null) {
            limits = apiLimits.of(id);
        }
        return limits;
    }

    public ApiLimits.Limits getDefaultLimits() {
        return apiLimits.defaults();
    }

    /**
     * Saves the reseller's API limits: back to the installation's defaults, or its own; numbers that are
     * not whole become 0, which the service refuses.
     */
    public String saveLimits() {
        boolean defaults = isLimitsDefault();
        // what was typed: a cleared field is refused, not silently the stored number
        return feedback.act(() -> apiLimits.set(me.actor(), id, defaults ? null : whole(perMinute),
                defaults ? null : whole(burst)), "api.limits.saved", back());
    }

    static Integer whole(String text) {
        String value = text == null ? "" : text.strip();
        return value.matches("[0-9]{1,9}") ? Integer.valueOf(value) : 0;
    }

    public String addDomain() {
        return feedback.act(() -> domains.add(me.actor(), id, newDomain), "domains.added", back());
    }

    public String removeDomain(long domainId) {
        return feedback.act(() -> domains.remove(me.actor(), domainId), "domains.removed", back());
    }

    public String makePrimary(long domainId) {
        return feedback.act(() -> domains.makePrimary(me.actor(), domainId), "domains.primaryChanged", back());
    }

    public String suspend() {
        return feedback.act(() -> resellers.setStatus(me.actor(), id, TenantStatus.SUSPENDED), "resellers.suspended", back());
    }

    public String reactivate() {
        return feedback.act(() -> resellers.setStatus(me.actor(), id, TenantStatus.ACTIVE), "resellers.reactivated", back());
    }

    private String back() {
        return "/admin/reseller?faces-redirect=true&id=" + id;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    /** Also after a postback that stayed on the page (a refused change), when the view action did not run. */
    public ResellerView getReseller() {
        if (reseller == null && id != null) {
            reseller = resellers.get(me.actor(), id);
        }
        return reseller;
    }
    /**
     * Whether the reseller is on the installation's limits; before any typing, as stored (limits equal
     * to the defaults count as the defaults: they are the same numbers).
     */
    public boolean isLimitsDefault() {
        return limitsDefault != null ? limitsDefault : id == null || apiLimits.own(id).isEmpty();
    }
    public void setLimitsDefault(boolean limitsDefault) { this.limitsDefault = limitsDefault; }
    public String getPerMinute() {
        return perMinute != null || getLimits() == null ? perMinute : String.valueOf(getLimits().perMinute());
    }
    public void setPerMinute(String perMinute) { this.perMinute = perMinute; }
    public String getBurst() { return burst != null || getLimits() == null ? burst : String.valueOf(getLimits().burst()); }
    public void setBurst(String burst) { this.burst = burst; }
    public String getNewDomain() { return newDomain; }
    public void setNewDomain(String newDomain) { this.newDomain = newDomain; }
}
