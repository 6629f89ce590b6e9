package io.marque.portal.web.filter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Headers every response carries, decided in one place.
 *
 * <p>The content security policy keeps a customer's browser on the tenant's own host: no script,
 * style, image or form target elsewhere, which also stops custom CSS from loading anything from
 * outside. Scripts run only from the tenant's own host or inline with this response's nonce: no
 * {@code 'unsafe-inline'}, no {@code 'unsafe-eval'}, so markup injected into a page cannot run.
 * The nonce is new for every request and reaches the page's inline scripts through
 * {@code web.security.NonceRenderKitFactory}; the only inline scripts are PrimeFaces' head scripts
 * (our own scripts are files). Styles need no {@code 'unsafe-inline'} either: the theme and the
 * tenant's colours and custom CSS are files from {@code AssetServlet}, and no view writes a
 * {@code style} attribute (the branding preview sets its colours from a script, through the CSSOM,
 * which a policy does not govern).
 *
 * <p>Nothing frames the portal's pages, so {@code frame-ancestors 'none'} and
 * {@code X-Frame-Options: DENY} (for browsers without CSP level 2) refuse every frame: no
 * click-jacking from another site, not even from another tenant on the same machine.
 *
 * <p>{@code Strict-Transport-Security} is sent only on a request that reached us over TLS (directly,
 * or, as a trusted proxy says, on its side), since over plain HTTP it means nothing and browsers
 * ignore it. It has no {@code includeSubDomains}: a reseller's own domain, say
 * {@code portal.acme-cloud.com}, is a name under the reseller's domain, not ours, and the pin
 * would reach the reseller's other hosts (its shop, its mail web client) that we do not serve
 * and that may not all have TLS.
 */
public final class SecurityHeaders {

    /** The request attribute with this request's script nonce (base64, 16 random bytes). */
    public static final String NONCE = "marque.cspNonce";

    /** One year: the value the HSTS preload list asks for, without preloading anything. */
    static final String HSTS = "max-age=31536000";

    /**
     * Files (attachments, PDFs, CSV, theme assets, the API's JSON): nothing in them may run, load or be
     * framed, and one opened directly in the browser is a sandboxed document of no origin.
     */
    public static final String FILE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'none'; sandbox";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecurityHeaders() {
    }

    /** The policy of a page: scripts from the host itself or inline with {@code nonce}, nothing unsafe. */
    static String pagePolicy(String nonce) {
        return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self';"
                + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none';"
                + " form-action 'self'; base-uri 'self'; object-src 'none'";
    }

    /** A fresh nonce: 128 random bits, base64 (CSP's nonce-source grammar). */
    static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Whether the browser reached us over TLS: the connection itself is secure, or it comes from a
     * trusted proxy whose {@code X-Forwarded-Proto} (the first value, the proxy nearest the browser
     * having written it first) says https. From any other peer the header is anyone's word and is ignored,
     * the same rule as {@code X-Forwarded-Host} in {@link io.marque.portal.tenant.HostResolver}.
     */
    static boolean isSecure(boolean connectionSecure, boolean fromTrustedProxy, String forwardedProto) {
        if (connectionSecure) {
            return true;
        }
        if (!fromTrustedProxy || forwardedProto == null) {
            return false;
        }
        int comma = forwardedProto.indexOf(',');
        String first = (comma < 0 ? forwardedProto : forwardedProto.substring(0, comma)).strip();
        return first.equalsIgnoreCase("https");
    }

    /**
     * Sets the headers of a page on {@code response} and keeps the nonce in the request for the page's
     * scripts. A servlet that serves a file replaces the policy with {@link #forFile}.
     */
    static void apply(HttpServletRequest request, HttpServletResponse response, boolean secure) {
        String nonce = newNonce();
        request.setAttribute(NONCE, nonce);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", pagePolicy(nonce));
        if (secure) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }

    /** Replaces the page policy with {@link #FILE_POLICY}, for a response that is a file, not a page. */
    public static void forFile(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", FILE_POLICY);
    }
}
