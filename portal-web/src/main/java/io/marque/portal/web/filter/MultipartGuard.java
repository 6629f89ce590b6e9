package io.marque.portal.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads a multipart form before the page does, so that a body the container cannot take apart gets a
 * clear answer: 400 with the tenant's "bad request" page for a malformed one (a truncated boundary, a
 * part without headers), 413 for one over the container's limits that came without a length (chunked,
 * which {@link UploadLimit} cannot see). Without this, the container's parse error surfaces inside Faces
 * as a 500. It runs after Shiro, so only a reader allowed on the page makes the server parse anything.
 */
public class MultipartGuard extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            chain.doFilter(request, response);
            return;
        }
        try {
            request.getParts();
        } catch (IOException | ServletException | RuntimeException e) {
            int status = refusal(e);
            if (status == 0) {
                chain.doFilter(request, response);
                return;
            }
            response.setHeader("Connection", "close");
            response.sendError(status);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The status for a body the container refused to parse, or 0 where the target simply takes no
     * multipart (the container's plain {@code IllegalStateException}, without a cause), which is the
     * target's business. Undertow's size exceptions are matched by name: the web module does not
     * compile against the container.
     */
    static int refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("RequestTooBigException") || name.equals("FileTooLargeException")) {
                return HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            }
        }
        if (e instanceof IllegalStateException && e.getCause() == null) {
            return 0;
        }
        return HttpServletResponse.SC_BAD_REQUEST;
    }
}
