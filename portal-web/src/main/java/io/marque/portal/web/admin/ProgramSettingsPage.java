package io.marque.portal.web.admin;

import io.marque.portal.reseller.ProgramAdministration;
import io.marque.portal.reseller.ProgramChange;
import io.marque.portal.reseller.ProgramView;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The reseller program's settings ({@code /admin/program}): open to applications, approval without
 * review, default discount, tier thresholds and the application form's extra questions.
 */
@Named
@RequestScoped
public class ProgramSettingsPage {

    @Inject
    ProgramAdministration program;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private boolean enabled;
    private boolean autoApprove;
    private String defaultDiscount;
    private String silverFrom;
    private String goldFrom;
    private String platinumFrom;
    private String diamondFrom;
    private String tierCurrency;
    private String applicationFields;

    /** The stored settings; a posted form then replaces them with what was typed. */
    @PostConstruct
    void load() {
        ProgramView view = program.settings(me.actor());
        enabled = view.enabled();
        autoApprove = view.autoApprove();
        defaultDiscount = view.defaultDiscount().toPlainString();
        silverFrom = view.silverFrom().toPlainString();
        goldFrom = view.goldFrom().toPlainString();
        platinumFrom = view.platinumFrom().toPlainString();
        diamondFrom = view.diamondFrom().toPlainString();
        tierCurrency = view.tierCurrency();
        applicationFields = view.applicationFields();
    }

    public String save() {
        return feedback.act(() -> program.update(me.actor(), new ProgramChange(enabled, autoApprove, defaultDiscount,
                silverFrom, goldFrom, platinumFrom, diamondFrom, tierCurrency, applicationFields)), "program.saved");
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public boolean isAutoApprove() { return autoApprove; }
    public void setAutoApprove(boolean autoApprove) { this.autoApprove = autoApprove; }
    public String getDefaultDiscount() { return defaultDiscount; }
    public void setDefaultDiscount(String defaultDiscount) { this.defaultDiscount = defaultDiscount; }
    public String getSilverFrom() { return silverFrom; }
    public void setSilverFrom(String silverFrom) { this.silverFrom = silverFrom; }
    public String getGoldFrom() { return goldFrom; }
    public void setGoldFrom(String goldFrom) { this.goldFrom = goldFrom; }
    public String getPlatinumFrom() { return platinumFrom; }
    public void setPlatinumFrom(String platinumFrom) { this.platinumFrom = platinumFrom; }
    public String getDiamondFrom() { return diamondFrom; }
    public void setDiamondFrom(String diamondFrom) { this.diamondFrom = diamondFrom; }
    public String getTierCurrency() { return tierCurrency; }
    public void setTierCurrency(String tierCurrency) { this.tierCurrency = tierCurrency; }
    public String getApplicationFields() { return applicationFields; }
    public void setApplicationFields(String applicationFields) { this.applicationFields = applicationFields; }
}
