package io.marque.portal.web.api;

import io.marque.portal.api.ApiKeys;
import io.marque.portal.api.RateLimiter;
import io.marque.portal.api.TokenBucket;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.web.security.CurrentUser;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every API request: the tenant is the one whose domain it came on (a reseller's, else 404); the key in
 * {@code Authorization: Bearer} must be that tenant's, live and used from an allowed address (else 401,
 * the same for every reason); the method's scope must be the key's (else 403); and the key and the
 * client address must each have a token left (else 429 with {@code Retry-After}). Every answer carries
 * the {@code RateLimit-*} headers. The OpenAPI document is public.
 */
@Provider
@jakarta.enterprise.context.ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticator implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(ApiAuthenticator.class.getName());
    private static final String OUTCOME = "marque.api.rate";

    @Inject
    ApiKeys keys;

    @Inject
    RateLimiter limiter;

    @Inject
    CurrentTenant tenant;

    @Inject
    ApiRequest current;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!tenant.isResolved() || tenant.get().isProvider()) {
            request.abortWith(Problem.of(404, "not-found", "Not found", null).response());
            return;
        }
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(PublicDocument.class)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
        ApiKeys.Authentication auth = keys.authenticate(tenant.get().id(), token, CurrentUser.clientAddress(servletRequest));
        if (auth.caller() == null) {
            LOG.log(Level.FINE, "API key refused on tenant {0}: {1}", new Object[] {tenant.get().id(), auth.refusal()});
            request.abortWith(jakarta.ws.rs.core.Response.fromResponse(
                    Problem.of(401, "unauthorized", "A valid API key of this site is needed", null).response())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            return;
        }
        current.set(auth.caller());
        RequiresScope scope = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RequiresScope.class);
        if (scope == null || !auth.caller().may(scope.value())) {
            request.abortWith(Problem.of(403, "scope-missing", "The key lacks the scope this needs",
                    scope == null ? null : "Needs " + scope.value().code()).response());
            return;
        }
        TokenBucket.Outcome outcome = limiter.take(auth.caller());
        request.setProperty(OUTCOME, outcome);
        if (!outcome.allowed()) {
            request.abortWith(jakarta.ws.rs.core.Response.fromResponse(
                    Problem.of(429, "rate-limited", "Too many requests", "Try again in " + outcome.retryAfterSeconds() + " s")
                            .response())
                    .header("Retry-After", outcome.retryAfterSeconds()).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(OUTCOME) instanceof TokenBucket.Outcome outcome) {
            response.getHeaders().putSingle("RateLimit-Limit", outcome.limit());
            response.getHeaders().putSingle("RateLimit-Remaining", outcome.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", outcome.resetSeconds());
        }
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }
}
