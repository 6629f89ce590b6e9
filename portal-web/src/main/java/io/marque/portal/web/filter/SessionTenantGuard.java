package io.marque.portal.web.filter;

import io.marque.portal.identity.SignedInUser;
import io.marque.portal.tenant.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.subject.Subject;

/**
 * A session is valid only on the tenant it was made on. A session cookie carried to another
 * tenant's host (copied, or through a shared parent domain) is ended and the request goes on as
 * signed out, so Shiro's URL rules then send it to that tenant's own sign-in.
 */
public class SessionTenantGuard extends HttpFilter {

    @Inject
    CurrentTenant currentTenant;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Subject subject = SecurityUtils.getSubject();
        Object principal = subject.getPrincipal();
        if (principal instanceof SignedInUser user && user.tenantId() != currentTenant.id()) {
            subject.logout();
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        chain.doFilter(request, response);
    }
}
