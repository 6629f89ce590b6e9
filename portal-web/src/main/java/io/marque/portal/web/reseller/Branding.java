package io.marque.portal.web.reseller;

import io.marque.portal.tenant.BrandChange;
import io.marque.portal.tenant.BrandView;
import io.marque.portal.tenant.BrandingService;
import io.marque.portal.tenant.LogoPolicy;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/**
 * The branding page: name, colours, support address, footer, custom CSS, theme and logo, with a
 * live preview drawn in the browser from the form's current values. Saving goes through
 * {@link BrandingService}, which checks everything before storing anything.
 */
@Named
@ViewScoped
public class Branding implements Serializable {

    @Inject
    BrandingService branding;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private BrandView current;
    private String displayName;
    private String supportEmail;
    private String colorPrimary;
    private String colorAccent;
    private String footerText;
    private String customCss;
    private String theme;
    private boolean signupEnabled;
    private boolean customerTotp;
    private String defaultLocale;
    private String timeZone;
    private String currency;
    private transient Part logo;

    @PostConstruct
    void load() {
        current = branding.current(me.actor());
        displayName = current.displayName();
        supportEmail = current.supportEmail();
        colorPrimary = current.colorPrimary();
        colorAccent = current.colorAccent();
        footerText = current.footerText();
        customCss = current.customCss();
        theme = current.theme();
        signupEnabled = current.signupEnabled();
        customerTotp = current.customerTotp();
        defaultLocale = current.defaultLocale();
        timeZone = current.timeZone();
        currency = current.currency();
    }

    public String save() {
        return feedback.act(() -> branding.update(me.actor(), new BrandChange(displayName, supportEmail, colorPrimary,
                colorAccent, footerText, customCss, theme, signupEnabled, customerTotp, defaultLocale, timeZone, currency)),
                "branding.saved");
    }

    public String uploadLogo() throws IOException {
        if (logo == null || logo.getSize() == 0) {
            feedback.error("branding.logo.missing");
            return null;
        }
        if (logo.getSize() > LogoPolicy.MAX_BYTES) {
            feedback.error("branding.logo.tooLarge");
            return null;
        }
        byte[] bytes;
        try (InputStream in = logo.getInputStream()) {
            bytes = in.readNBytes(LogoPolicy.MAX_BYTES + 1);
        }
        return feedback.act(() -> branding.uploadLogo(me.actor(), bytes, logo.getSubmittedFileName()), "branding.logo.saved");
    }

    public String removeLogo() {
        return feedback.act(() -> branding.removeLogo(me.actor()), "branding.logo.removed");
    }

    public List<String> getThemes() {
        return branding.themeNames();
    }

    public BrandView getCurrent() { return current; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getSupportEmail() { return supportEmail; }
    public void setSupportEmail(String supportEmail) { this.supportEmail = supportEmail; }
    public String getColorPrimary() { return colorPrimary; }
    public void setColorPrimary(String colorPrimary) { this.colorPrimary = colorPrimary; }
    public String getColorAccent() { return colorAccent; }
    public void setColorAccent(String colorAccent) { this.colorAccent = colorAccent; }
    public String getFooterText() { return footerText; }
    public void setFooterText(String footerText) { this.footerText = footerText; }
    public String getCustomCss() { return customCss; }
    public void setCustomCss(String customCss) { this.customCss = customCss; }
    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme; }
    public boolean isSignupEnabled() { return signupEnabled; }
    public void setSignupEnabled(boolean signupEnabled) { this.signupEnabled = signupEnabled; }
    public boolean isCustomerTotp() { return customerTotp; }
    public void setCustomerTotp(boolean customerTotp) { this.customerTotp = customerTotp; }
    public String getDefaultLocale() { return defaultLocale; }
    public void setDefaultLocale(String defaultLocale) { this.defaultLocale = defaultLocale; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public Part getLogo() { return logo; }
    public void setLogo(Part logo) { this.logo = logo; }
}
