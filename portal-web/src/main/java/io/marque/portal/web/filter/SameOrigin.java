package io.marque.portal.web.filter;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The rule against cross-site request forgery: OWASP's "verify origin with standard headers". A request
 * that may change something (anything but {@code GET}, {@code HEAD}, {@code OPTIONS}) to the portal's
 * pages must come from a page of the same origin: its {@code Origin} header, or, where a browser sent
 * none, its {@code Referer}, names the request's own origin ({@link TenantFilter#ORIGIN}).
 *
 * <p>The views are stateless (no view state token to check), and the session cookie's
 * {@code SameSite=Lax} already keeps it off cross-site posts in current browsers; this rule does not
 * rest on a browser's cookie policy, and also refuses a post from another tenant's host on the same
 * machine, which {@code SameSite} counts as the same site.
 *
 * <p>Decisions:
 * <ul>
 * <li>{@code Origin: null} (a sandboxed frame, a {@code data:} page, a privacy redirect) is present and
 * names no origin: refused.</li>
 * <li>Neither header: allowed. Every current browser sends {@code Origin} on a cross-origin
 * {@code POST} (and Chromium and Firefox on same-origin ones too), so a request without both comes
 * from a program (curl, the tests' HTTP client, a monitoring probe), which cannot borrow a browser's
 * cookies; refusing it would protect no one.</li>
 * <li>An https origin on the request's own host is accepted when the request reached us as plain
 * http: TLS ended at a proxy we were not told to trust (so its {@code X-Forwarded-Proto} was not
 * believed), and only a page served by that host over TLS, ours, can name that origin. The reverse, an
 * http page posting to an https request, is refused: a network attacker can write plain-http pages.</li>
 * <li>Exempt: the API ({@code /api/}, a bearer API key, never a cookie), the inbound mail endpoint
 * ({@code /mail/inbound}, a bearer token), and the ACME challenge (read-only).</li>
 * </ul>
 */
final class SameOrigin {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String[] EXEMPT_FOLDERS = {"/api/", "/.well-known/acme-challenge/"};

    private SameOrigin() {
    }

    /**
     * Whether a request may go on.
     *
     * @param method   the HTTP method
     * @param path     the path inside the application (servlet path and path info)
     * @param origin   the {@code Origin} header, or null
     * @param referer  the {@code Referer} header, or null
     * @param expected the request's own origin, as {@link #origin} made it
     */
    static boolean allows(String method, String path, String origin, String referer, String expected) {
        if (SAFE_METHODS.contains(method) || isExempt(path)) {
            return true;
        }
        String claimed = origin != null ? origin : referer;
        if (claimed == null) {
            return true;
        }
        String named = originOf(claimed.strip());
        if (named == null || expected == null) {
            return false;
        }
        if (named.equals(expected)) {
            return true;
        }
        return expected.startsWith("http://") && named.startsWith("https://")
                && hostOf(named).equals(hostOf(expected));
    }

    static boolean isExempt(String path) {
        for (String folder : EXEMPT_FOLDERS) {
            if (path.startsWith(folder)) {
                return true;
            }
        }
        return path.equals(UploadLimit.INBOUND_MAIL);
    }

    /**
     * A request's own origin in the form a browser writes it: {@code scheme://host} and {@code :port}
     * unless it is the scheme's default.
     *
     * @param scheme    "http" or "https", as the browser used
     * @param host      the resolved host (lower case, no port, no brackets)
     * @param addressed the header the host was read from ({@code Host} or a trusted
     *                  {@code X-Forwarded-Host}), for its port; null or without a port means the default
     */
    static String origin(String scheme, String host, String addressed) {
        return serialise(scheme, host, portOf(addressed));
    }

    /** The origin a URL or an {@code Origin} header names, serialised as {@link #origin}; null if none. */
    static String originOf(String url) {
        if (url.isEmpty() || url.equals("null")) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || uri.getRawUserInfo() != null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            return serialise(scheme, host, uri.getPort());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String serialise(String scheme, String host, int port) {
        int standard = scheme.equals("https") ? 443 : 80;
        String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return scheme + "://" + name + (port < 0 || port == standard ? "" : ":" + port);
    }

    /** The host part of a serialised origin, without the scheme and the port. */
    private static String hostOf(String origin) {
        String rest = origin.substring(origin.indexOf("://") + 3);
        if (rest.startsWith("[")) {
            return rest.substring(0, rest.indexOf(']') + 1);
        }
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    /** The port in a {@code Host}-style value ({@code name:8080}, {@code [::1]:8080}); -1 if none. */
    static int portOf(String addressed) {
        if (addressed == null) {
            return -1;
        }
        String value = addressed.strip();
        int close = value.lastIndexOf(']');
        int colon = value.lastIndexOf(':');
        if (colon < 0 || colon < close || (close < 0 && value.indexOf(':') != colon)) {
            return -1; // no port, or an IPv6 literal without brackets
        }
        String digits = value.substring(colon + 1);
        if (!digits.matches("[0-9]{1,5}")) {
            return -1;
        }
        int port = Integer.parseInt(digits);
        return port <= 65535 ? port : -1;
    }
}
