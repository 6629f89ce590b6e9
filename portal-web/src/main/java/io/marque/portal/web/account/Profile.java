package io.marque.portal.web.account;

import io.marque.portal.identity.ProfileService;
import io.marque.portal.identity.SignedInUser;
import io.marque.portal.identity.UserView;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.subject.PrincipalCollection;
import org.apache.shiro.subject.SimplePrincipalCollection;

/** A user's own profile page: name and language, password, and the authenticator second factor. */
@Named
@ViewScoped
public class Profile implements Serializable {

    @Inject
    ProfileService profiles;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    @Inject
    io.marque.portal.web.theme.Ui ui;

    private String displayName;
    private String locale;
    private String currentPassword;
    private String newPassword;
    private String totpSecret;
    private String totpUri;
    private String totpCode;
    private String disablePassword;
    private UserView view;

    @PostConstruct
    void load() {
        view = profiles.me(me.actor());
        displayName = view.displayName();
        locale = profiles.locale(me.actor());
    }

    public String save() {
        try {
            profiles.update(me.actor(), displayName, locale);
            refreshPrincipal(me.user().withProfile(displayName.strip(), locale == null || locale.isBlank() ? null : locale));
            ui.languageChanged();
            feedback.info("profile.saved");
            return Feedback.reloadOf(Feedback.RELOAD);
        } catch (InvalidInputException e) {
            feedback.refused(e);
            return null;
        }
    }

    public String changePassword() {
        return feedback.act(() -> profiles.changePassword(me.actor(), chars(currentPassword), chars(newPassword)),
                "profile.passwordChanged");
    }

    public void startTotp() {
        try {
            var enrolment = profiles.startTotp(me.actor());
            totpSecret = enrolment.secret();
            totpUri = enrolment.otpauthUri();
        } catch (InvalidInputException e) {
            feedback.refused(e);
        }
    }

    public String confirmTotp() {
        return feedback.act(() -> profiles.confirmTotp(me.actor(), totpCode), "profile.totpOn");
    }

    public String disableTotp() {
        return feedback.act(() -> profiles.disableTotp(me.actor(), chars(disablePassword)), "profile.totpOff");
    }

    public boolean isTotpAllowed() {
        return profiles.totpAllowed(me.actor());
    }

    /** The session's principal carries the name and language the pages show; keep it current. */
    private static void refreshPrincipal(SignedInUser updated) {
        var subject = SecurityUtils.getSubject();
        PrincipalCollection old = subject.getPrincipals();
        subject.getSession().setAttribute(
                org.apache.shiro.subject.support.DefaultSubjectContext.PRINCIPALS_SESSION_KEY,
                new SimplePrincipalCollection(updated, old.getRealmNames().iterator().next()));
    }

    private static char[] chars(String text) {
        return text == null ? null : text.toCharArray();
    }

    public UserView getView() { return view; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
    public String getCurrentPassword() { return currentPassword; }
    public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getTotpSecret() { return totpSecret; }
    public String getTotpUri() { return totpUri; }
    public String getTotpCode() { return totpCode; }
    public void setTotpCode(String totpCode) { this.totpCode = totpCode; }
    public String getDisablePassword() { return disablePassword; }
    public void setDisablePassword(String disablePassword) { this.disablePassword = disablePassword; }
}
