package io.marque.portal.web.filter;

import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.Themes;
import io.marque.portal.web.theme.Ui;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the signed-out pages that are the same for every visitor of a tenant (sign-in, forgotten
 * password, sign-up) from memory. They are stateless views with no per-visitor content, so the
 * rendered page is kept per tenant, brand version, theme version, language and path, and a change
 * of brand or theme makes a new key. Only a plain GET without a session cookie is served from here;
 * anything else, and any answer that is not a plain 200 page without cookies, goes through as usual.
 * The page's script nonce is not kept: each copy served carries the nonce of its own request, the one
 * in its {@code Content-Security-Policy} header.
 */
public class SignedOutPageCache extends HttpFilter {

    static final Set<String> PAGES = Set.of("/login", "/forgot", "/signup");
    private static final int LIMIT = 5000;

    /** A kept page, cut where the nonce of the request that rendered it stood. */
    private record Page(String contentType, List<byte[]> pieces) {

        byte[] with(String nonce) {
            byte[] between = nonce.getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            for (int i = 0; i < pieces.size(); i++) {
                if (i > 0) {
                    out.writeBytes(between);
                }
                out.writeBytes(pieces.get(i));
            }
            return out.toByteArray();
        }
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Themes themes;

    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod()) || !PAGES.contains(request.getServletPath())
                || request.getQueryString() != null || hasCookie(request, "sid")
                || !(request.getAttribute(SecurityHeaders.NONCE) instanceof String)) {
            chain.doFilter(request, response);
            return;
        }
        // the page differs by the language cookie and is never this page with a session
        response.setHeader("Vary", "Cookie");
        TenantSnapshot tenant = currentTenant.get();
        String key = tenant.id() + "|" + tenant.brandHash() + "|" + themes.of(tenant).contentHash() + "|"
                + language(request) + "|" + request.getServletPath();
        Page page = pages.get(key);
        String nonce = (String) request.getAttribute(SecurityHeaders.NONCE);
        if (page != null) {
            byte[] body = page.with(nonce);
            response.setContentType(page.contentType());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        Capture capture = new Capture(response);
        chain.doFilter(request, capture);
        if (capture.handedOver) {
            return;
        }
        byte[] body = capture.body();
        if (capture.cacheable()) {
            if (pages.size() >= LIMIT) {
                pages.clear();
            }
            pages.put(key, new Page(capture.getContentType(), cut(body, nonce.getBytes(StandardCharsets.US_ASCII))));
        }
        response.getOutputStream().write(body);
    }

    /** {@code body} split at each occurrence of {@code nonce} (which is never empty). */
    static List<byte[]> cut(byte[] body, byte[] nonce) {
        List<byte[]> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length - nonce.length; i++) {
            if (Arrays.equals(body, i, i + nonce.length, nonce, 0, nonce.length)) {
                pieces.add(Arrays.copyOfRange(body, start, i));
                start = i + nonce.length;
                i = start - 1;
            }
        }
        pieces.add(Arrays.copyOfRange(body, start, body.length));
        return pieces;
    }

    /** Only the languages the portal has make keys; any other cookie value reads as none. */
    private static String language(HttpServletRequest request) {
        String lang = cookie(request, Ui.LANG_COOKIE);
        return lang != null && Ui.LANGUAGES.contains(lang) ? lang : "";
    }

    private static boolean hasCookie(HttpServletRequest request, String name) {
        return cookie(request, name) != null;
    }

    private static String cookie(HttpServletRequest request, String name) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** Collects the page while it is rendered, and notes whether it may be kept. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
        private boolean cookieSet;
        /** An error page or a redirect went straight to the real response: nothing to copy. */
        private boolean handedOver;
        private PrintWriter writer;
        private ServletOutputStream stream;

        Capture(HttpServletResponse response) {
            super(response);
        }

        boolean cacheable() {
            String type = getContentType();
            return getStatus() == 200 && !cookieSet && type != null && type.startsWith("text/html")
                    && getHeader("Location") == null;
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return buffer.toByteArray();
        }

        @Override
        public void sendError(int status) throws IOException {
            handedOver = true;
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            handedOver = true;
            super.sendError(status, message);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            handedOver = true;
            super.sendRedirect(location);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookieSet = true;
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            cookieSet |= "Set-Cookie".equalsIgnoreCase(name);
            super.addHeader(name, value);
        }

        @Override
        public void setHeader(String name, String value) {
            cookieSet |= "Set-Cookie".equalsIgnoreCase(name);
            super.setHeader(name, value);
        }

        @Override
        public void setContentLength(int len) {
            // the length is set when the captured page is written out
        }

        @Override
        public void setContentLengthLong(long len) {
        }

        @Override
        public void flushBuffer() {
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(buffer, java.nio.charset.Charset.forName(encoding)));
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        buffer.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                    }
                };
            }
            return stream;
        }
    }
}
