package io.marque.portal.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses a request that could change something when a browser says it comes from another site's page
 * (the rule is {@link SameOrigin}): a bare 403 that names nobody, answered before Shiro, Faces or any
 * servlet reads the request, so nothing is signed in, posted or changed.
 */
public class CrossSiteRequestGuard extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(CrossSiteRequestGuard.class.getName());

    static final String NEUTRAL_403 = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Refused</title></head>"
            + "<body><h1>Refused</h1><p>This form was not sent from this site's own pages.</p></body></html>";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String origin = request.getHeader("Origin");
        String referer = request.getHeader("Referer");
        Object expected = request.getAttribute(TenantFilter.ORIGIN);
        if (!SameOrigin.allows(request.getMethod(), path, origin, referer, expected instanceof String s ? s : null)) {
            LOG.log(Level.FINE, "Refused a cross-site {0} to {1} from {2} (expected {3})",
                    new Object[] {request.getMethod(), path, origin != null ? origin : referer, expected});
            response.setHeader("Connection", "close"); // the body is not read
            TenantFilter.bare(response, HttpServletResponse.SC_FORBIDDEN, NEUTRAL_403);
            return;
        }
        chain.doFilter(request, response);
    }
}
