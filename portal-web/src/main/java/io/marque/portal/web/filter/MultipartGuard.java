package io.marque.portal.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
            // a page with a file field asks for the parts of any post, and the container throws (a 500)
            // when the post is not multipart: such a post simply carries no files
            chain.doFilter("POST".equals(request.getMethod()) ? new WithoutParts(request) : request, response);
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
            answer(request, response, status);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Answers a request whose body is refused unread or could not be read with {@code status} and the
     * tenant's page for it ({@code /error/<status>.xhtml}). Not through {@code sendError}: the error page
     * would be rendered for the same POST, and Faces, asking for its parameters, would make the container
     * read (or fail to read, again) the body that is being refused. The page gets a bodiless GET instead.
     */
    static void answer(HttpServletRequest request, HttpServletResponse response, int status)
            throws IOException, ServletException {
        response.setHeader("Connection", "close");
        answer(request, response, status, "/error/" + status + ".xhtml");
    }

    /** Answers with {@code status} and the given error page, rendered for a bodiless GET of the request. */
    static void answer(HttpServletRequest request, HttpServletResponse response, int status, String page)
            throws IOException, ServletException {
        response.setStatus(status);
        request.getRequestDispatcher(page).forward(new Bodiless(request), response);
    }

    /** A post that is not multipart: it has no parts, rather than being an error to ask for them. */
    static final class WithoutParts extends HttpServletRequestWrapper {

        WithoutParts(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }

    /** The request as a GET without parameters or parts, for rendering a page about a refused body. */
    private static final class Bodiless extends HttpServletRequestWrapper {

        Bodiless(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            throw new IOException("The body of this request was refused");
        }
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
