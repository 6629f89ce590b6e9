package io.marque.portal.web.security;

import io.marque.portal.identity.MarqueRealm;
import io.marque.portal.identity.TenantLoginToken;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.web.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.util.SavedRequest;
import org.apache.shiro.web.util.WebUtils;

/**
 * The sign-in page (a stateless view: a signed-out visitor gets no session). E-mail and password on
 * the request's tenant, then, for users with an authenticator, the code. On success the session id
 * is changed, so an id planted before sign-in is worthless after it.
 */
@Named
@RequestScoped
public class SignIn {

    @Inject
    CurrentTenant tenant;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private String email;
    private String password;
    private String challenge;
    private String code;

    /**
     * The view is stateless, so the tree a post is decoded into is built afresh: the second step's
     * fields must already be there, which needs the challenge from the request before decoding.
     */
    @PostConstruct
    void challengeFromRequest() {
        String posted = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("challenge");
        if (posted != null && !posted.isBlank() && posted.length() <= 100) {
            challenge = posted;
        }
    }

    public void redirectIfSignedIn() throws IOException {
        if (me.isSignedIn()) {
            FacesContext.getCurrentInstance().getExternalContext().redirect(me.getHome());
        }
    }

    /** The session attribute holding when its user signed in, for {@code SessionTenantGuard}. */
    public static final String SIGNED_IN_AT = "marque.signedInAt";

    public String signIn() throws IOException {
        TenantLoginToken token = isSecondStep()
                ? TenantLoginToken.secondFactor(tenant.id(), challenge, code == null ? null : code.strip(), CurrentUser.clientAddress())
                : TenantLoginToken.password(tenant.id(), email, password == null ? null : password.toCharArray(),
                        CurrentUser.clientAddress());
        Subject subject = SecurityUtils.getSubject();
        try {
            subject.login(token);
        } catch (MarqueRealm.SecondFactorRequired needed) {
            challenge = needed.challenge();
            password = null;
            return null;
        } catch (MarqueRealm.Locked locked) {
            challenge = null;
            feedback.error("login.locked");
            return null;
        } catch (AuthenticationException refused) {
            feedback.error(isSecondStep() ? "login.codeFailed" : "login.failed");
            challenge = null;
            return null;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.changeSessionId();
        request.getSession().setAttribute(SIGNED_IN_AT, java.time.Instant.now());
        SavedRequest saved = WebUtils.getAndClearSavedRequest(request);
        String home = me.getHome();
        String target = saved != null && saved.getRequestURI() != null && saved.getRequestURI().startsWith(home)
                ? saved.getRequestUrl() : home;
        external.redirect(target);
        return null;
    }

    public boolean isSecondStep() {
        return challenge != null && !challenge.isBlank();
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getChallenge() { return challenge; }
    public void setChallenge(String challenge) { this.challenge = challenge; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
}
