package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.api.ApiKeys;
import io.marque.portal.api.ApiLimits;
import io.marque.portal.api.ApiScope;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.User;
import io.marque.portal.it.Forbidden.Scope;
import io.marque.portal.tenant.DomainDirectory;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Law 2 (and 8) for the API of each demo reseller: every resource is asked with no key, a bad key,
 * another reseller's key and the reseller's own key with every scope — for unknown and malformed ids,
 * wrong methods, malformed JSON, unsupported media types and answers, a body over the limit, bad query
 * parameters and unknown addresses under {@code /api/v1} — and every answer, headers and body, is read:
 * each refusal is problem+json, none is a server error, none names the provider, a framework, a class or a
 * stack frame. Then again with the provider renamed at run time.
 */
@ExtendWith(ArquillianExtension.class)
class BrandApiIT {

    /** A demo reseller's API host and its admin, who makes the key. */
    record Site(String host, String adminEmail) {
    }

    static final List<Site> SITES = List.of(new Site("acme.localhost", "admin@acme.example"),
            new Site("bluebird.localhost", "admin@bluebird.example"));

    /** Every resource, with ids no tenant has, ids that are not numbers, and bad query parameters. */
    static final List<String> PATHS = List.of("", "/", "/no-such-resource", "/customers/999999999/no-such",
            "/customers", "/customers/999999999", "/customers/abc", "/customers/-1", "/customers/99999999999999999999999",
            "/customers/999999999/balance", "/customers/999999999/funds", "/customers?limit=abc", "/customers?cursor=%25%25",
            "/customers?after=-5&limit=100000", "/departments", "/departments/1", "/invoices", "/invoices/999999999",
            "/invoices/abc", "/invoices/999999999/pdf", "/invoices/abc/pdf", "/invoices/999999999/pay",
            "/invoices?status=NO-SUCH", "/orders", "/orders/999999999", "/orders/abc", "/orders/999999999/cancel",
            "/products", "/products/1", "/servers", "/servers/999999999", "/servers/abc", "/servers/999999999/power",
            "/servers/999999999/reinstall", "/servers/999999999/jobs/1", "/servers/999999999/jobs/abc",
            "/servers/999999999/addresses/10.0.0.1/ptr", "/servers/999999999/addresses/not-an-address/ptr",
            "/tickets", "/tickets/999999999", "/tickets/abc", "/tickets/999999999/replies",
            "/tickets/999999999/escalate", "/tickets?status=NO-SUCH", "/account", "/account/no-such",
            "/openapi.json");

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");

    /**
     * The paths whose resources read a body (one of each kind of body): the bad bodies go there, where a
     * reader is what answers them; elsewhere a body is refused before anything reads it, as the methods
     * above already show.
     */
    static final Set<String> BODY_PATHS = Set.of("/customers", "/customers/999999999/funds", "/orders", "/tickets",
            "/tickets/999999999/replies", "/servers/999999999/power", "/servers/999999999/addresses/10.0.0.1/ptr");

    /** Bodies that are not what any resource takes, with the media type they are sent as. */
    static final List<String[]> BAD_BODIES = List.of(new String[] {"application/json", "{"},
            new String[] {"application/json", "[]"}, new String[] {"application/json", "null"},
            new String[] {"application/json", "{\"name\":5,\"email\":[1],\"action\":{},\"body\":true}"},
            new String[] {"application/json", "\"just a string\""}, new String[] {"application/json", ""},
            new String[] {"application/json", "{\"id\":1e999999}"}, new String[] {"text/plain", "hello"},
            new String[] {"application/xml", "<customer/>"}, new String[] {"application/x-www-form-urlencoded", "a=b"},
            new String[] {"application/json; charset=no-such-charset", "{}"});

    /** Over the API's body limit. */
    static final byte[] HUGE = ("{\"name\":\"" + "x".repeat(200 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(BrandApiIT.class, BrandApiIT.Site.class, Http.class, Forbidden.class,
                Forbidden.Builder.class, Forbidden.Scope.class, BrandCheck.class, BrandCheck.Sender.class,
                ProviderBrand.class, ProviderBrand.Renamed.class, BrandSweeps.class, BrandSweeps.Sweep.class);
    }

    @Inject
    ProviderBrand provider;

    @Inject
    DomainDirectory directory;

    @Inject
    ApiKeys keys;

    @Inject
    ApiLimits limits;

    @Inject
    Fixtures fixtures;

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    @Test
    void noApiAnswerNamesTheProviderAFrameworkOrAClass() throws Exception {
        BrandSweeps.findNothing(provider, resellerIds(), this::sweep);
    }

    @Test
    void noApiAnswerNamesTheProviderUnderANameGivenAtRunTime() throws Exception {
        BrandSweeps.findNothingRenamed(provider, resellerIds(), this::sweep);
    }

    private void sweep(BrandCheck check) throws Exception {
        Actor providerAdmin = fixtures.providerAdmin();
        List<Actor> admins = SITES.stream().map(this::admin).toList();
        List<String> secrets = new ArrayList<>();
        List<Long> keyIds = new ArrayList<>();
        List<Optional<ApiLimits.Limits>> ownLimits = new ArrayList<>();
        String allScopes = Arrays.stream(ApiScope.values()).map(ApiScope::code).collect(Collectors.joining(" "));
        try {
            for (Actor admin : admins) {
                ApiKeys.Created created = keys.create(admin, new ApiKeys.NewKey("Brand sweep", allScopes, null, null));
                secrets.add(created.secret());
                keyIds.add(created.key().id());
                ownLimits.add(limits.own(admin.tenantId()));
                // the sweep makes hundreds of requests: the rate limit is not what it checks
                limits.set(providerAdmin, admin.tenantId(), 1_000_000, 1_000_000);
            }
            for (int i = 0; i < SITES.size(); i++) {
                String host = SITES.get(i).host();
                String own = secrets.get(i);
                String other = secrets.get((i + 1) % SITES.size());
                for (String path : PATHS) {
                    String api = "/api/v1" + path;
                    call(check, host, "no key", "GET", api, null, null, null);
                    call(check, host, "a bad key", "GET", api, "Bearer mk_no-such-key", null, null);
                    call(check, host, "a malformed Authorization", "GET", api, "Basic !!!", null, null);
                    call(check, host, "another reseller's key", "GET", api, "Bearer " + other, null, null);
                    for (String method : METHODS) {
                        call(check, host, "its key", method, api, "Bearer " + own, null, null);
                    }
                    call(check, host, "its key, asking for XML", "GET", api, "Bearer " + own, null, null,
                            "Accept", "application/xml");
                    for (String[] body : BODY_PATHS.contains(path) ? BAD_BODIES : List.<String[]>of()) {
                        for (String method : List.of("POST", "PUT")) {
                            call(check, host, "its key, a bad body", method, api, "Bearer " + own, body[0],
                                    body[1].getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    call(check, host, "its key, a huge body", "POST", api, "Bearer " + own, "application/json", HUGE);
                    call(check, host, "its key, a reused-looking Idempotency-Key", "POST", api, "Bearer " + own,
                            "application/json", "{".getBytes(StandardCharsets.UTF_8), "Idempotency-Key", "x".repeat(500));
                }
            }
        } finally {
            for (int i = 0; i < keyIds.size(); i++) {
                keys.revoke(admins.get(i), keyIds.get(i));
                Optional<ApiLimits.Limits> before = ownLimits.get(i);
                limits.set(providerAdmin, admins.get(i).tenantId(), before.map(ApiLimits.Limits::perMinute).orElse(null),
                        before.map(ApiLimits.Limits::burst).orElse(null));
            }
        }
        System.out.println("Brand API sweep read " + check.counts());
        assertTrue(check.count("API error") >= 1000, "the sweep read the API's refusals: " + check.counts());
    }

    /** One request; its answer read whole: a refusal must be problem+json, and nothing may be a server error. */
    private static void call(BrandCheck check, String host, String with, String method, String path,
            String authorization, String contentType, byte[] body, String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of(headers));
        if (authorization != null) {
            all.addAll(List.of("Authorization", authorization));
        }
        if (contentType != null) {
            all.addAll(List.of("Content-Type", contentType));
        }
        String where = method + " " + host + path + " with " + with;
        HttpResponse<byte[]> response = new Http().send(host, method, path, body, all.toArray(String[]::new));
        int status = response.statusCode();
        check.counted(status >= 400 ? "API error" : "API answer");
        check.headers(where, response.headers());
        check.text(where + " body", new String(response.body(), StandardCharsets.UTF_8), Scope.DOCUMENT);
        if (status >= 500) {
            check.finding(where + ": answers " + status + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (status >= 400 && !method.equals("HEAD") && !type.startsWith("application/problem+json")) {
            check.finding(where + ": answers " + status + " as " + type + ", not problem+json");
        }
    }

    private Actor admin(Site site) {
        long tenant = directory.lookup(site.host()).orElseThrow().id();
        User user = em.createNamedQuery("User.byEmail", User.class).setParameter("tenant", tenant)
                .setParameter("email", site.adminEmail()).getSingleResult();
        return new Actor(tenant, user.getId(), user.getEmail(), user.roleSet(), "127.0.0.1");
    }

    private List<Long> resellerIds() {
        return SITES.stream().map(s -> directory.lookup(s.host()).orElseThrow().id()).toList();
    }
}
