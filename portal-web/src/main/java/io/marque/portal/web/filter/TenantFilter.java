package io.marque.portal.web.filter;

import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.HostResolver;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Law 1: every request belongs to exactly one tenant, found from its host. This is the only place
 * that reads the {@code Host} (or, from a trusted proxy, {@code X-Forwarded-Host}) header. An
 * unknown host gets a bare 404 that names nobody; a suspended reseller's host a bare 503 (an inactive
 * one is served). Each area exists only where it belongs: {@code /admin} and the reseller program's
 * application pages ({@code /apply}, {@code /application}) on the provider's host, {@code /customer},
 * {@code /reseller} and the inbound mail endpoint {@code /mail/} on a reseller's.
 */
public class TenantFilter extends HttpFilter {

    static final String NEUTRAL_404 = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Not found</title></head>"
            + "<body><h1>Not found</h1><p>There is nothing at this address.</p></body></html>";
    static final String NEUTRAL_503 = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Unavailable</title></head>"
            + "<body><h1>Unavailable</h1><p>This service is not available at the moment.</p></body></html>";

    @Inject
    DomainDirectory directory;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    MarqueConfig config;

    /** The request attribute holding the client's address (see {@link #clientAddress}). */
    public static final String CLIENT_ADDRESS = "marque.clientAddress";
    /** The request attribute holding the host the tenant was found by, normalised. */
    public static final String HOST = "marque.host";
    /**
     * The request attribute holding the request's own origin as the browser names it
     * ({@code https://portal.acme-cloud.com}, {@code http://acme.localhost:8080}): the scheme the browser
     * used (see {@link SecurityHeaders#isSecure}), the resolved host and the port it addressed.
     */
    public static final String ORIGIN = "marque.origin";

    /** The JAX-RS API's {@code @ApplicationPath}: its answers are JSON for programs, never a page. */
    private static final String API = "/api/v1";

    private HostResolver hosts;

    @Override
    public void init(FilterConfig filterConfig) {
        hosts = new HostResolver(config.trustedProxies());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean fromProxy = hosts.isTrusted(request.getRemoteAddr());
        boolean secure = SecurityHeaders.isSecure(request.isSecure(), fromProxy, request.getHeader("X-Forwarded-Proto"));
        SecurityHeaders.apply(request, response, secure);
        if (request.getServletPath().equals(API) || request.getServletPath().startsWith(API + "/")) {
            SecurityHeaders.forFile(response); // JSON for programs, never a page
        }
        String forwardedHost = request.getHeader("X-Forwarded-Host");
        Optional<String> host = hosts.resolve(request.getHeader("Host"), forwardedHost, request.getRemoteAddr());
        Optional<TenantSnapshot> tenant = host.flatMap(directory::lookup);
        if (tenant.isEmpty()) {
            bare(response, HttpServletResponse.SC_NOT_FOUND, NEUTRAL_404);
            return;
        }
        if (!tenant.get().isAvailable()) {
            bare(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, NEUTRAL_503);
            return;
        }
        currentTenant.set(tenant.get());
        request.setAttribute(HOST, host.get());
        // the port as the browser addressed it: in the header the host was taken from (as HostResolver chose)
        String addressed = fromProxy && forwardedHost != null && !forwardedHost.isBlank()
                ? forwardedHost.split(",", 2)[0] : request.getHeader("Host");
        request.setAttribute(ORIGIN, SameOrigin.origin(secure ? "https" : "http", host.get(), addressed));
        request.setAttribute(CLIENT_ADDRESS, clientAddress(hosts, request.getRemoteAddr(), request.getHeader("X-Forwarded-For")));
        if (!areaBelongs(tenant.get(), request.getServletPath())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The address sign-in throttling and the activity log record: the peer's address, or, when the
     * peer is a trusted proxy, the nearest address in {@code X-Forwarded-For} that is not a trusted proxy.
     */
    static String clientAddress(HostResolver hosts, String remoteAddress, String forwardedFor) {
        if (forwardedFor == null || !hosts.isTrusted(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && hop.length() <= 45 && hop.matches("[0-9a-fA-F:.]+") && !hosts.isTrusted(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }

    static boolean areaBelongs(TenantSnapshot tenant, String path) {
        if (path.startsWith("/admin/") || path.equals("/admin") || isApplicationPage(path)) {
            return tenant.isProvider();
        }
        if (path.startsWith("/customer/") || path.equals("/customer") || path.startsWith("/reseller/")
                || path.equals("/reseller") || path.startsWith("/signup") || path.startsWith("/mail/")) {
            return !tenant.isProvider();
        }
        return true;
    }

    /** Where a prospective reseller applies and follows its application: only the provider has them. */
    private static boolean isApplicationPage(String path) {
        return path.equals("/apply") || path.equals("/apply.xhtml") || path.equals("/application")
                || path.equals("/application.xhtml");
    }

    static void bare(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
