package io.marque.portal.web.admin;

import io.marque.portal.domains.CustomDomainView;
import io.marque.portal.domains.CustomDomains;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Every reseller's own domains for provider staff ({@code /admin/domains}): verification, certificate
 * and mail authentication at a glance, those needing attention first ({@code ?attention=1} shows only
 * them). A provider admin may remove a claim, after a confirming second step.
 */
@Named
@RequestScoped
public class ProviderDomains {

    @Inject
    CustomDomains domains;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private List<CustomDomainView> all;

    public List<CustomDomainView> getList() {
        return isAttentionOnly() ? all().stream().filter(CustomDomainView::attention).toList() : all();
    }

    public long getAttentionCount() {
        return all().stream().filter(CustomDomainView::attention).count();
    }

    /** Every domain, read once per request. */
    private List<CustomDomainView> all() {
        if (all == null) {
            all = domains.all(me.actor());
        }
        return all;
    }

    public boolean isAttentionOnly() {
        return "1".equals(parameter("attention"));
    }

    /** The claim whose removal waits for the second click ({@code ?remove=<id>}), or null. */
    public CustomDomainView getConfirming() {
        Long id = Pages.longParameter("remove");
        return id == null ? null : getList().stream().filter(d -> d.id() == id).findFirst().orElse(null);
    }

    public String remove() {
        Long id = Pages.longParameter("id");
        return id == null ? null : feedback.act(() -> domains.removeAsProvider(me.actor(), id), "domains.removed",
                "/admin/domains?faces-redirect=true");
    }

    private static String parameter(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }
}
