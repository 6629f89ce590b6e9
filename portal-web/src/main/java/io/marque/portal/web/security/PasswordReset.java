package io.marque.portal.web.security;

import io.marque.portal.identity.PasswordResetService;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.theme.Ui;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * "Forgot password" (ask for a link) and "set password" (follow a reset or invitation link).
 * Asking always gives the same answer, whether or not the address has an account.
 */
@Named
@RequestScoped
public class PasswordReset {

    @Inject
    CurrentTenant tenant;

    @Inject
    PasswordResetService service;

    @Inject
    Feedback feedback;

    @Inject
    Ui ui;

    private String email;
    private String token;
    private String password;
    private String confirmation;
    private boolean sent;
    private boolean done;

    public String request() {
        service.requestReset(tenant.id(), email, ui.getLocale(), CurrentUser.clientAddress());
        sent = true;
        return null;
    }

    public boolean isTokenUsable() {
        return service.isUsable(tenant.id(), token);
    }

    public String reset() {
        if (password == null || !password.equals(confirmation)) {
            feedback.error("error.password.mismatch");
            return null;
        }
        try {
            service.resetPassword(tenant.id(), token, password.toCharArray(), CurrentUser.clientAddress());
            done = true;
        } catch (InvalidInputException e) {
            feedback.refused(e);
        }
        return null;
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    public boolean isSent() { return sent; }
    public boolean isDone() { return done; }
}
