package io.marque.portal.web.filter;

import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.NotFoundException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A refusal thrown out of a page is the reader's answer, not a server error: the container would make
 * any exception a 500. Every view is stateless, so a post whose view state is not {@code stateless} was
 * made up or tampered with (a scanner, a forged form): "page expired" with 400. A service's refusal that
 * the URL rules did not already give — a role the page's rule let through, an id of another tenant —
 * is the tenant's 403 or 404 page.
 */
public class RefusalPages extends HttpFilter {

    /** A status and the page that explains it. */
    record Refusal(int status, String page) {
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException e) {
            Refusal refusal = refusal(e);
            if (refusal == null || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            MultipartGuard.answer(request, response, refusal.status(), refusal.page());
        }
    }

    /** The answer for a failure of a page, or null when it is the server's own. */
    static Refusal refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "/error/expired.xhtml");
            }
            if (t instanceof ForbiddenException) {
                return new Refusal(HttpServletResponse.SC_FORBIDDEN, "/error/403.xhtml");
            }
            if (t instanceof NotFoundException) {
                return new Refusal(HttpServletResponse.SC_NOT_FOUND, "/error/404.xhtml");
            }
        }
        return null;
    }
}
