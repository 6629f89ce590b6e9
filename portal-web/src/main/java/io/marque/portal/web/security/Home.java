package io.marque.portal.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** The site root sends a visitor to its own area, or to sign-in. */
@Named
@RequestScoped
public class Home {

    @Inject
    CurrentUser me;

    public void route() throws IOException {
        FacesContext.getCurrentInstance().getExternalContext().redirect(me.isSignedIn() ? me.getHome() : "/login");
    }
}
