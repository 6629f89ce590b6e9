package io.marque.portal.web.admin;

import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.tenant.BrandingService;
import io.marque.portal.tenant.NewReseller;
import io.marque.portal.tenant.ResellerAdministration;
import io.marque.portal.tenant.ResellerView;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import io.marque.portal.web.theme.Ui;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The provider's reseller list and the form that creates a reseller. */
@Named
@RequestScoped
public class Resellers {

    @Inject
    ResellerAdministration resellers;

    @Inject
    BrandingService branding;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    @Inject
    Ui ui;

    private List<ResellerView> list;
    private String name;
    private String slug;
    private String domain;
    private String theme = "base";
    private String supportEmail;
    private String adminName;
    private String adminEmail;

    public List<ResellerView> getList() {
        if (list == null) {
            list = resellers.list(me.actor());
        }
        return list;
    }

    public List<String> getThemes() {
        return branding.themeNames();
    }

    public String create() {
        try {
            ResellerView created = resellers.create(me.actor(),
                    new NewReseller(name, slug, domain, theme, supportEmail, adminName, adminEmail), ui.getLocale());
            feedback.info("resellers.created");
            return "/admin/reseller?faces-redirect=true&id=" + created.id();
        } catch (InvalidInputException e) {
            feedback.refused(e);
            return null;
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getSlug() { return slug; }
    public void setSlug(String slug) { this.slug = slug; }
    public String getDomain() { return domain; }
    public void setDomain(String domain) { this.domain = domain; }
    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme; }
    public String getSupportEmail() { return supportEmail; }
    public void setSupportEmail(String supportEmail) { this.supportEmail = supportEmail; }
    public String getAdminName() { return adminName; }
    public void setAdminName(String adminName) { this.adminName = adminName; }
    public String getAdminEmail() { return adminEmail; }
    public void setAdminEmail(String adminEmail) { this.adminEmail = adminEmail; }
}
