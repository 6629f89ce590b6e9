package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.api.ApiKeys;
import io.marque.portal.api.ApiLimits;
import io.marque.portal.audit.ActivityLog;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.CustomerService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API's gate over real HTTP, on fixture resellers' own host names: a key works on its own tenant's
 * domain only, and only with its scopes; every refusal is problem+json with a stable code and changes
 * nothing; a retried POST with the same Idempotency-Key creates once; the rate limit answers 429 with
 * Retry-After and lets the key through again once a token is back; and the activity log names the key.
 */
@ExtendWith(ArquillianExtension.class)
class ApiIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(ApiIT.class, Http.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    ApiKeys keys;

    @Inject
    ApiLimits limits;

    @Inject
    CustomerService customers;

    @Inject
    ActivityLog activity;

    @jakarta.persistence.PersistenceContext(unitName = "marque")
    jakarta.persistence.EntityManager em;

    private Fixtures.Reseller a;
    private Fixtures.Reseller b;
    private String full;

    @BeforeEach
    void aKey() {
        a = fixtures.reseller("api-a");
        b = fixtures.reseller("api-b");
        full = keys.create(a.admin(), new ApiKeys.NewKey("Billing system", "customers:read customers:write", null, null)).secret();
    }

    @Test
    void aKeyReadsAndWritesItsOwnTenantsCustomersAndTheLogNamesIt() throws Exception {
        HttpResponse<String> list = call(a.host(), "GET", "/api/v1/customers", full, null, null);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains(a.customerEmail()), list.body());
        assertTrue(list.headers().firstValue("RateLimit-Remaining").isPresent());

        HttpResponse<String> created = call(a.host(), "POST", "/api/v1/customers", full,
                "{\"name\":\"Nina New\",\"company\":null,\"email\":\"nina@" + a.host() + "\"}", null);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject customer = json(created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/api/v1/customers/" + customer.getJsonNumber("id").longValue()), location);
        HttpResponse<String> one = call(a.host(), "GET", URI.create(location).getPath(), full, null, null);
        assertEquals(200, one.statusCode());
        assertEquals("Nina New", json(one.body()).getString("name"));

        assertTrue(activity.page(a.admin(), null).stream().anyMatch(e -> e.actor().equals("api-key:Billing system")),
                "the activity log names the key");
        assertTrue(keys.list(a.admin()).get(0).requestCount() >= 3, "each use is counted");
        assertNotNull(keys.list(a.admin()).get(0).lastUsedAt());
        // the counts reach the key's row within a flush interval (MARQUE_API_USAGE_FLUSH_MS)
        long deadline = System.currentTimeMillis() + 15_000;
        long stored = 0;
        while (stored < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            stored = em.createQuery("select k.requestCount from ApiKey k where k.tenantId = :t", Long.class)
                    .setParameter("t", a.tenantId()).getSingleResult();
        }
        assertTrue(stored >= 3, "the uses were written to the key: " + stored);
    }

    @Test
    void aKeyIsRefusedOnAnotherTenantsDomainWithoutItsScopeAndAfterRevocation() throws Exception {
        HttpResponse<String> elsewhere = call(b.host(), "GET", "/api/v1/customers", full, null, null);
        assertEquals(401, elsewhere.statusCode(), "a key works only on its own tenant's domains");
        assertProblem(elsewhere, "unauthorized");
        assertEquals("Bearer", elsewhere.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, call(a.host(), "GET", "/api/v1/customers", null, null, null).statusCode());
        assertEquals(401, call(a.host(), "GET", "/api/v1/customers", full.substring(0, full.length() - 1) + (full.endsWith("a") ? "b" : "a"), null, null)
                .statusCode());
        assertEquals(404, call("provider.localhost", "GET", "/api/v1/customers", full, null, null).statusCode(),
                "the provider's host has no API");

        HttpResponse<String> otherId = call(a.host(), "GET", "/api/v1/customers/" + b.customerId(), full, null, null);
        assertEquals(404, otherId.statusCode(), "another tenant's customer does not exist here");
        assertProblem(otherId, "not-found");

        String readOnly = keys.create(a.admin(), new ApiKeys.NewKey("Reader", "customers:read", null, null)).secret();
        HttpResponse<String> write = call(a.host(), "POST", "/api/v1/customers", readOnly,
                "{\"name\":\"X\",\"email\":\"x@" + a.host() + "\"}", null);
        assertEquals(403, write.statusCode());
        assertProblem(write, "scope-missing");

        String limited = keys.create(a.admin(), new ApiKeys.NewKey("Office", "customers:read", "203.0.113.0/24", null)).secret();
        assertEquals(401, call(a.host(), "GET", "/api/v1/customers", limited, null, null).statusCode(),
                "used from an address the key does not allow");
        String expired = keys.create(a.admin(), new ApiKeys.NewKey("Soon", "customers:read", null,
                Instant.now().plusSeconds(2))).secret();
        assertEquals(200, call(a.host(), "GET", "/api/v1/customers", expired, null, null).statusCode());
        Thread.sleep(2500);
        assertEquals(401, call(a.host(), "GET", "/api/v1/customers", expired, null, null).statusCode(), "expired");

        keys.revoke(a.admin(), keys.list(a.admin()).stream().filter(k -> k.name().equals("Billing system")).findFirst()
                .orElseThrow().id());
        assertEquals(401, call(a.host(), "GET", "/api/v1/customers", full, null, null).statusCode(), "revoked");
    }

    @Test
    void aRetriedPostCreatesOnceAndAReusedKeyWithAnotherBodyIsRefused() throws Exception {
        long before = customers.count(a.admin());
        String body = "{\"name\":\"Ida Idem\",\"email\":\"ida@" + a.host() + "\"}";
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = call(a.host(), "POST", "/api/v1/customers", full, body, key);
        HttpResponse<String> again = call(a.host(), "POST", "/api/v1/customers", full, body, key);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, again.statusCode());
        assertEquals(first.body(), again.body(), "the same answer");
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(before + 1, customers.count(a.admin()), "one customer, not two");

        HttpResponse<String> other = call(a.host(), "POST", "/api/v1/customers", full,
                "{\"name\":\"Other\",\"email\":\"other@" + a.host() + "\"}", key);
        assertEquals(422, other.statusCode());
        assertProblem(other, "idempotency-key-reused");
        assertEquals(before + 1, customers.count(a.admin()));
    }

    @Test
    void malformedMistypedInvalidAndOversizedBodiesAreProblemsAndWriteNothing() throws Exception {
        long before = customers.count(a.admin());
        HttpResponse<String> malformed = call(a.host(), "POST", "/api/v1/customers", full, "{\"name\":", null);
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertProblem(malformed, "malformed-json");
        HttpResponse<String> mistyped = call(a.host(), "POST", "/api/v1/customers", full, "{\"name\":{\"first\":\"A\"}}", null);
        assertEquals(400, mistyped.statusCode(), mistyped.body());
        assertProblem(mistyped, "malformed-json");

        HttpResponse<String> invalid = call(a.host(), "POST", "/api/v1/customers", full, "{\"name\":\"\",\"email\":\"not-an-address\"}",
                null);
        assertEquals(422, invalid.statusCode(), invalid.body());
        JsonObject problem = assertProblem(invalid, "invalid-input");
        assertEquals(2, problem.getJsonArray("errors").size(), invalid.body());
        assertTrue(invalid.body().contains("\"field\":\"email\"") && invalid.body().contains("\"field\":\"name\""), invalid.body());

        HttpResponse<String> huge = call(a.host(), "POST", "/api/v1/customers", full,
                "{\"name\":\"" + "x".repeat(70_000) + "\",\"email\":\"h@" + a.host() + "\"}", null);
        assertEquals(413, huge.statusCode(), huge.body());
        assertProblem(huge, "payload-too-large");
        for (HttpResponse<String> response : java.util.List.of(malformed, mistyped, invalid, huge)) {
            assertFalse(response.body().contains("Exception") || response.body().contains("at io.") || response.body().contains("WildFly"),
                    "no stack trace or server name: " + response.body());
        }
        assertEquals(before, customers.count(a.admin()), "nothing was written");
    }

    @Test
    void theRateLimitAnswers429AndRecovers() throws Exception {
        Actor provider = fixtures.providerAdmin();
        limits.set(provider, a.tenantId(), 60, 3);
        try {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, call(a.host(), "GET", "/api/v1/customers", full, null, null).statusCode(), "request " + i);
            }
            HttpResponse<String> refused = call(a.host(), "GET", "/api/v1/customers", full, null, null);
            assertEquals(429, refused.statusCode());
            assertProblem(refused, "rate-limited");
            long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retry >= 1 && retry <= 2, "one token a second: " + retry);
            assertEquals("0", refused.headers().firstValue("RateLimit-Remaining").orElse(""));
            Thread.sleep(Duration.ofSeconds(retry).toMillis() + 200);
            assertEquals(200, call(a.host(), "GET", "/api/v1/customers", full, null, null).statusCode(), "recovered");
        } finally {
            limits.set(provider, a.tenantId(), null, null);
        }
    }

    private static JsonObject assertProblem(HttpResponse<String> response, String code) {
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0],
                response.body());
        JsonObject problem = json(response.body());
        assertEquals(code, problem.getString("code"), response.body());
        assertEquals(response.statusCode(), problem.getInt("status"));
        return problem;
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static HttpResponse<String> call(String host, String method, String path, String key, String body, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Http.PORT + path))
                .header("Host", host + ":" + Http.PORT).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return new Http().client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
