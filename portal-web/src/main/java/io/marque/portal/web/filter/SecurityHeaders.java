package io.marque.portal.web.filter;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers every response carries. The content security policy keeps a customer's browser on the
 * tenant's own host: no script, style, image or form target elsewhere, which also stops custom CSS
 * from loading anything from outside.
 */
final class SecurityHeaders {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " script-src 'self' 'unsafe-inline' 'unsafe-eval'; font-src 'self' data:; frame-ancestors 'self';"
            + " form-action 'self'; base-uri 'self'; object-src 'none'";

    private SecurityHeaders() {
    }

    static void apply(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Content-Security-Policy", CSP);
    }
}
