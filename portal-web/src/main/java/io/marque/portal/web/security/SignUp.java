package io.marque.portal.web.security;

import io.marque.portal.identity.CustomerService;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.web.Feedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** Customer self sign-up, on a reseller's domain where that reseller allows it. */
@Named
@RequestScoped
public class SignUp {

    @Inject
    CurrentTenant tenant;

    @Inject
    CustomerService customers;

    @Inject
    Feedback feedback;

    private String name;
    private String email;
    private String password;

    public boolean isOpen() {
        return !tenant.get().isProvider() && tenant.get().signupEnabled();
    }

    public void requireOpen() throws IOException {
        if (!isOpen()) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, null);
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public String signUp() {
        try {
            customers.signUp(tenant.id(), name, email, password == null ? null : password.toCharArray(),
                    CurrentUser.clientAddress());
        } catch (InvalidInputException e) {
            feedback.refused(e);
            return null;
        }
        return "/login?faces-redirect=true&signedUp=true";
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
