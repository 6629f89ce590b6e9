package io.marque.portal.web.security;

import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.shiro.SecurityUtils;

/** The signed-in user of this request, if any, and the {@link Actor} services are called with. */
@Named("me")
@RequestScoped
public class CurrentUser {

    public boolean isSignedIn() {
        return user() != null;
    }

    public SignedInUser user() {
        Object principal = SecurityUtils.getSubject().getPrincipal();
        return principal instanceof SignedInUser user ? user : null;
    }

    public String getName() {
        SignedInUser user = user();
        return user == null ? "" : user.displayName();
    }

    public String getEmail() {
        SignedInUser user = user();
        return user == null ? "" : user.email();
    }

    public boolean has(String role) {
        SignedInUser user = user();
        return user != null && user.roles().contains(Role.valueOf(role));
    }

    public boolean isCustomer() {
        return has("CUSTOMER");
    }

    public boolean isResellerStaff() {
        return has("RESELLER_AGENT") || has("RESELLER_ADMIN");
    }

    public boolean isResellerAdmin() {
        return has("RESELLER_ADMIN");
    }

    public boolean isProviderStaff() {
        return has("PROVIDER_AGENT") || has("PROVIDER_ADMIN");
    }

    public boolean isProviderAdmin() {
        return has("PROVIDER_ADMIN");
    }

    /** Where this user's area starts. */
    public String getHome() {
        if (isProviderStaff()) {
            return "/admin/";
        }
        if (isResellerStaff()) {
            return "/reseller/";
        }
        return "/customer/";
    }

    /** The caller for a service call. */
    public Actor actor() {
        SignedInUser user = user();
        if (user == null) {
            throw new IllegalStateException("Not signed in");
        }
        return user.actor(clientAddress());
    }

    public static String clientAddress() {
        return clientAddress((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    /** The client's address as the tenant filter worked it out (a trusted proxy's forwarded address). */
    public static String clientAddress(HttpServletRequest request) {
        Object address = request.getAttribute(io.marque.portal.web.filter.TenantFilter.CLIENT_ADDRESS);
        return address != null ? address.toString() : request.getRemoteAddr();
    }

    /** The caller of a plain servlet (no Faces context), or null when nobody is signed in. */
    public static Actor actor(HttpServletRequest request) {
        Object principal = SecurityUtils.getSubject().getPrincipal();
        return principal instanceof SignedInUser user ? user.actor(clientAddress(request)) : null;
    }

    /** The signed-in user's language for a document outside Faces (a PDF), else the site's. */
    public static java.util.Locale locale(io.marque.portal.tenant.TenantSnapshot site) {
        Object principal = SecurityUtils.getSubject().getPrincipal();
        if (principal instanceof SignedInUser user && user.locale() != null) {
            return java.util.Locale.forLanguageTag(user.locale());
        }
        return site.locale();
    }
}
