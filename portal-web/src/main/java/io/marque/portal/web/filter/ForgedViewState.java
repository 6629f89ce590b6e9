package io.marque.portal.web.filter;

import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every view is stateless, so a post whose view state is not {@code stateless} was made up or tampered
 * with (a scanner, a forged form): Faces cannot restore it and throws. The reader gets the tenant's
 * "page expired" page with 400, a bad request, rather than the container's 500 for an exception.
 */
public class ForgedViewState extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException e) {
            if (!isViewExpired(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            MultipartGuard.answer(request, response, HttpServletResponse.SC_BAD_REQUEST, "/error/expired.xhtml");
        }
    }

    static boolean isViewExpired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }
}
