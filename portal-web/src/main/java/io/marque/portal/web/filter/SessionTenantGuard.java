package io.marque.portal.web.filter;

import io.marque.portal.identity.SignedInUser;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.identity.SessionRevocations;
import io.marque.portal.web.security.SignIn;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.subject.Subject;

/**
 * A session is valid only on the tenant it was made on, and only while its user's sessions have not
 * been revoked since it signed in (the user was disabled, or its password was reset). A session cookie
 * carried to another tenant's host (copied, or through a shared parent domain), or a revoked one, is
 * ended and the request is sent to the sign-in page of the host it arrived on.
 */
public class SessionTenantGuard extends HttpFilter {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    SessionRevocations revocations;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Subject subject = SecurityUtils.getSubject();
        Object principal = subject.getPrincipal();
        if (principal instanceof SignedInUser user && (user.tenantId() != currentTenant.id() || revoked(request, user))) {
            subject.logout();
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean revoked(HttpServletRequest request, SignedInUser user) {
        HttpSession session = request.getSession(false);
        Object signedInAt = session == null ? null : session.getAttribute(SignIn.SIGNED_IN_AT);
        return revocations.isRevoked(user.userId(), signedInAt instanceof Instant at ? at : null);
    }
}
