package io.marque.portal.it.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.api.ApiScope;
import io.marque.portal.it.Deployments;
import io.marque.portal.it.Http;
import io.marque.portal.it.sweep.Surface.Action;
import io.marque.portal.it.sweep.Surface.Area;
import io.marque.portal.it.sweep.Surface.Carrier;
import io.marque.portal.it.sweep.Surface.Entry;
import io.marque.portal.it.sweep.Surface.Id;
import io.marque.portal.it.sweep.Surface.Kind;
import io.marque.portal.it.sweep.Surface.Role;
import io.marque.portal.it.sweep.Surface.Type;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tenant isolation sweep: every entry of {@link SurfaceRegistry} (so every page, servlet and API method
 * the code has: {@link SurfaceCoverageTest} sees to that) is requested by each role of Acme (signed out,
 * Alice the customer, the agent, the admin, and an Acme API key), and by the provider's admin on the
 * provider's host, with the ids of Bluebird's objects (and of the provider's) read from the demo data over
 * HTTP as Bluebird's own users see them. Each answer must be a refusal: the site's 404 for another tenant's
 * id, 403 or the way to sign-in for a wrong role or no session, a 404 problem for the API; and no answer
 * names anything of Bluebird's (or, on a reseller's host, the provider's brand or inventory data). Form posts
 * carrying Bluebird's id change nothing of Bluebird's (read again as Bluebird). Forged hosts are refused.
 */
@ExtendWith(ArquillianExtension.class)
class IsolationSweepIT {

    static final String ACME = "acme.localhost";
    static final String BLUEBIRD = "bluebird.localhost";
    static final String PROVIDER = "provider.localhost";
    static final String PASSWORD = "demo-password";

    /** What no answer to Acme's users may contain: Bluebird's brand and objects. */
    static final List<String> BLUEBIRD_MARKS = List.of("bluebird", "restore last night", "isolation-sweep-secret");
    /** What no answer to a reseller's customer may contain (law 2): the provider's brand and inventory data. */
    static final List<String> PROVIDER_MARKS = List.of("northwind", "fra1-r12-u", "10.20.0.", "northwind-ops");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    /** Acme's demo user of each signed-in role. */
    private static final Map<Role, String> ACME_USERS = Map.of(Role.CUSTOMER, "alice@example.com",
            Role.RESELLER_AGENT, "agent@acme.example", Role.RESELLER_ADMIN, "admin@acme.example");

    private static World world;

    /** Signed-in users, keys and the ids of each tenant, read once over HTTP. */
    static synchronized World world() throws Exception {
        if (world == null) {
            world = new World();
        }
        return world;
    }

    // ---- pages and servlets with ids ---------------------------------------------------------------------

    /**
     * Every page and servlet that takes an id, asked for with Bluebird's (or, in the provider's area, the
     * provider's) by each of Acme's roles and by the provider's admin on the provider's host.
     */
    @Test
    void everyPageAndServletRefusesAnotherTenantsIds() throws Exception {
        World w = world();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Entry entry : SurfaceRegistry.entries()) {
            if (entry.type() == Type.API || !entry.takesIds() || entry.area() == Area.ANY && !hasQueryIds(entry)) {
                continue;
            }
            String path = withForeignIds(entry, w);
            for (Asker asker : w.askers()) {
                HttpResponse<String> answer = asker.http().get(asker.host(), path);
                requests++;
                check(failures, entry, asker, path, answer, expected(entry, asker, true));
            }
        }
        assertTrue(requests > 100, "the sweep asked: " + requests);
        assertTrue(failures.isEmpty(), failures.size() + " answers were not refusals:\n" + String.join("\n", failures));
    }

    /** Pages without ids: each role gets the page only where it may, else 403, the way to sign-in or 404. */
    @Test
    void theRoleMatrixHoldsForEveryPageAndServletWithoutIds() throws Exception {
        World w = world();
        List<String> failures = new ArrayList<>();
        for (Entry entry : SurfaceRegistry.entries()) {
            if (entry.type() == Type.API || entry.takesIds()) {
                continue;
            }
            for (Asker asker : w.askers()) {
                HttpResponse<String> answer = asker.http().get(asker.host(), entry.path());
                check(failures, entry, asker, entry.path(), answer, expected(entry, asker, false));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " answers broke the role matrix:\n" + String.join("\n", failures));
    }

    /**
     * Every registered form action, posted by each role of Acme that may use its page, with Bluebird's id in
     * the hidden field (and the query): refused, and nothing of Bluebird's changed, as Bluebird reads it.
     * The view state is the one of the asker's own page, as an attacker would have it.
     */
    @Test
    void everyFormActionWithAnotherTenantsIdChangesNothing() throws Exception {
        World w = world();
        Map<String, String> before = w.bluebirdSnapshot();
        List<String> failures = new ArrayList<>();
        int posts = 0;
        for (Entry entry : SurfaceRegistry.entries()) {
            for (Action action : entry.actions()) {
                for (Asker asker : w.askers()) {
                    if (!asker.host().equals(ACME) || !entry.roles().contains(asker.role())) {
                        continue;
                    }
                    String viewState = w.viewStateOfOwnPage(asker, entry);
                    List<String[]> form = new ArrayList<>();
                    form.add(new String[] {action.form(), action.form()});
                    form.add(new String[] {action.button(), "x"});
                    action.fields().forEach((k, v) -> form.add(new String[] {k, v}));
                    StringBuilder query = new StringBuilder();
                    for (Id id : entry.ids()) {
                        if (id.carrier() == Carrier.QUERY || id.carrier() == Carrier.FORM) {
                            String foreign = w.foreign(id.kind(), entry.area());
                            form.add(new String[] {id.name(), foreign});
                            query.append(query.isEmpty() ? "?" : "&").append(id.name()).append('=').append(foreign);
                        }
                    }
                    form.add(new String[] {"jakarta.faces.ViewState", viewState});
                    HttpResponse<String> answer = post(asker.http(), ACME, entry.path() + query, form);
                    posts++;
                    String what = entry.key() + " " + action.form() + ":" + action.button() + " as " + asker;
                    if (answer.statusCode() >= 500) {
                        failures.add(what + ": " + answer.statusCode());
                    }
                    String leak = leak(answer.body(), ACME, asker.role());
                    if (leak != null) {
                        failures.add(what + ": the answer names " + leak);
                    }
                }
            }
        }
        assertTrue(posts >= 10, "the sweep posted: " + posts);
        Map<String, String> after = w.bluebirdSnapshot();
        for (Map.Entry<String, String> read : before.entrySet()) {
            if (!read.getValue().equals(after.get(read.getKey()))) {
                failures.add("Bluebird's " + read.getKey() + " changed:\n  before " + read.getValue() + "\n  after  "
                        + after.get(read.getKey()));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    // ---- the API ------------------------------------------------------------------------------------------

    /**
     * Every API method, with an Acme key and Bluebird's ids: a 404 problem that names nothing of Bluebird's;
     * an id in the body of a post is refused (4xx) and creates nothing; a list filtered by Bluebird's id
     * shows none of Bluebird's. Without a key every method but the public document is a 401.
     */
    @Test
    void everyApiMethodRefusesAnotherTenantsIds() throws Exception {
        World w = world();
        List<String> failures = new ArrayList<>();
        String bluebirdOrders = w.bluebirdApi("/api/v1/orders");
        String bluebirdTickets = w.bluebirdApi("/api/v1/tickets");
        for (Entry entry : SurfaceRegistry.entries()) {
            if (entry.type() != Type.API) {
                continue;
            }
            String path = entry.path();
            boolean pathIds = false;
            String query = "";
            for (Id id : entry.ids()) {
                String foreign = w.foreign(id.kind(), Area.RESELLER);
                if (id.carrier() == Carrier.PATH) {
                    path = path.replace("{" + id.name() + "}", URLEncoder.encode(foreign, StandardCharsets.UTF_8));
                    pathIds = true;
                } else if (id.carrier() == Carrier.FILTER) {
                    query = "?" + id.name() + "=" + foreign;
                }
            }
            String body = apiBody(entry, w);
            String what = entry.key();
            HttpResponse<String> signedOut = api(ACME, entry.verb(), path + query, null, body);
            if (entry.publicToAll()) {
                if (signedOut.statusCode() != 200) {
                    failures.add(what + " is public: " + signedOut.statusCode());
                }
                continue;
            }
            if (signedOut.statusCode() != 401) {
                failures.add(what + " without a key: " + signedOut.statusCode());
            }
            HttpResponse<String> answer = api(ACME, entry.verb(), path + query, w.acmeKey, body);
            String leak = leak(answer.body(), ACME, Role.API_KEY);
            if (leak != null) {
                failures.add(what + " with Acme's key names " + leak);
            }
            if (pathIds) {
                if (answer.statusCode() != 404 || !answer.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json")) {
                    failures.add(what + " with Bluebird's id and Acme's key: " + answer.statusCode() + " "
                            + answer.headers().firstValue("Content-Type").orElse(""));
                }
            } else if (!query.isEmpty()) {
                if (answer.statusCode() != 200 && answer.statusCode() != 404 && answer.statusCode() != 422) {
                    failures.add(what + " filtered by Bluebird's id: " + answer.statusCode());
                }
            } else if (body != null && entry.ids().stream().anyMatch(i -> i.carrier() == Carrier.FORM)) {
                if (answer.statusCode() < 400 || answer.statusCode() >= 500) {
                    failures.add(what + " with Bluebird's id in the body: " + answer.statusCode() + " " + answer.body());
                }
            }
            // Acme's key on Bluebird's host: the key is no key of that site
            HttpResponse<String> elsewhere = api(BLUEBIRD, entry.verb(), path + query, w.acmeKey, body);
            if (elsewhere.statusCode() != 401 && elsewhere.statusCode() != 404) {
                failures.add(what + " with Acme's key on Bluebird's host: " + elsewhere.statusCode());
            }
        }
        assertEquals(bluebirdOrders, w.bluebirdApi("/api/v1/orders"), "no order was placed for Bluebird's customer");
        assertEquals(bluebirdTickets, w.bluebirdApi("/api/v1/tickets"), "no ticket was opened for Bluebird's customer");
        assertTrue(failures.isEmpty(), failures.size() + " API answers were not refusals:\n" + String.join("\n", failures));
    }

    // ---- forged hosts ---------------------------------------------------------------------------------

    /**
     * Acme's session cookie carried to Bluebird's host is no session there, on every page of the reseller
     * and customer areas; a forged X-Forwarded-Host from an untrusted client changes no tenant: Acme's
     * admin asking Acme's host for Bluebird's ids while naming Bluebird's host still gets refusals.
     */
    @Test
    void forgedHostsAndCarriedSessionsAreRefusedAcrossTheSurface() throws Exception {
        World w = world();
        List<String> failures = new ArrayList<>();
        for (Asker asker : w.askers()) {
            if (!asker.host().equals(ACME) || asker.role() == Role.SIGNED_OUT) {
                continue;
            }
            for (Entry entry : SurfaceRegistry.entries()) {
                if (entry.type() == Type.API || entry.area() != Area.RESELLER) {
                    continue;
                }
                String path = withForeignIds(entry, w);
                // a new client, as a thief would be, with a session of the same Acme user on Bluebird's host
                // (a session of its own: the guard ends a carried session, and the asker's must live on)
                String sid = sessionId(signedIn(ACME, ACME_USERS.get(asker.role()), PASSWORD));
                HttpResponse<String> carried = new Http().get(BLUEBIRD, path, "Cookie", "sid=" + sid);
                boolean toSignIn = carried.statusCode() == 302
                        && carried.headers().firstValue("Location").orElse("").endsWith("/login");
                // Shiro refuses a staff role in the customer area before the session guard runs: a refusal too
                if (!toSignIn && carried.statusCode() != 403) {
                    failures.add(entry.key() + ": " + asker + "'s session on Bluebird's host: " + carried.statusCode());
                }
                HttpResponse<String> forwarded = asker.http().get(ACME, path, "X-Forwarded-Host", BLUEBIRD);
                if (forwarded.statusCode() == 200 && entry.takesIds() && !filterOnly(entry)) {
                    failures.add(entry.key() + ": " + asker + " with X-Forwarded-Host " + BLUEBIRD + " got 200");
                }
                String leak = leak(forwarded.body(), ACME, asker.role());
                if (leak != null) {
                    failures.add(entry.key() + ": " + asker + " with X-Forwarded-Host names " + leak);
                }
            }
        }
        HttpResponse<String> forgedApi = api(ACME, "GET", "/api/v1/servers/" + w.foreign(Kind.SERVER, Area.RESELLER),
                w.acmeKey, null, "X-Forwarded-Host", BLUEBIRD);
        assertEquals(404, forgedApi.statusCode(), "a forwarded host does not make Acme's key Bluebird's");
        assertTrue(failures.isEmpty(), failures.size() + " forged requests were not refused:\n" + String.join("\n", failures));
    }

    /** Every kind of id a swept entry takes has a foreign value, so no entry is swept with a made-up one. */
    @Test
    void theSweepHasAForeignIdOfEveryKindItSends() throws Exception {
        World w = world();
        List<String> missing = new ArrayList<>();
        for (Entry entry : SurfaceRegistry.entries()) {
            if (entry.area() != Area.RESELLER) {
                continue;
            }
            for (Id id : entry.ids()) {
                if ((id.carrier() == Carrier.QUERY || id.carrier() == Carrier.PATH || id.carrier() == Carrier.FORM)
                        && !w.bluebird.containsKey(id.kind())) {
                    missing.add(entry.key() + " " + id.name() + " (" + id.kind() + ")");
                }
            }
        }
        assertTrue(missing.isEmpty(), "teach World to read a Bluebird id of these kinds: " + missing);
    }

    // ---- expectations ---------------------------------------------------------------------------------

    /** The statuses an asker may get for an entry: refusals when it carries foreign ids. */
    static List<Integer> expected(Entry entry, Asker asker, boolean foreignIds) {
        Role role = asker.role();
        boolean onProviderHost = asker.host().equals(PROVIDER);
        if (entry.area() == Area.ANY) {
            return List.of(); // any answer but a failure; checked for leaks
        }
        if (onProviderHost && role != Role.SIGNED_OUT && !role.provider()) {
            // a reseller's session carried to the provider's host: no session there, or the wrong role
            return List.of(302, 403, 404);
        }
        boolean rightHost = entry.area() == Area.PROVIDER ? onProviderHost : !onProviderHost;
        if (!rightHost) {
            return List.of(404); // the area is not there on this kind of host
        }
        if (role == Role.SIGNED_OUT) {
            return List.of(302);
        }
        if (!entry.roles().contains(role)) {
            return List.of(403);
        }
        if (role.provider()) {
            return foreignIds || entry.type() != Type.VIEW ? List.of() : List.of(200); // the provider's own ids
        }
        if (!foreignIds) {
            return entry.type() == Type.VIEW ? List.of(200) : List.of();
        }
        return filterOnly(entry) ? List.of(200, 404) : List.of(404);
    }

    static boolean filterOnly(Entry entry) {
        return entry.ids().stream().noneMatch(i -> i.carrier() == Carrier.QUERY || i.carrier() == Carrier.PATH);
    }

    static boolean hasQueryIds(Entry entry) {
        return entry.ids().stream().anyMatch(i -> i.carrier() == Carrier.QUERY || i.carrier() == Carrier.PATH);
    }

    private static void check(List<String> failures, Entry entry, Asker asker, String path, HttpResponse<String> answer,
            List<Integer> allowed) {
        String what = path + " as " + asker;
        int status = answer.statusCode();
        boolean errorPage = entry.key().startsWith("/error/");
        if (allowed.isEmpty() ? status >= 500 && !errorPage : !allowed.contains(status)) {
            failures.add(what + ": " + status + " (expected " + (allowed.isEmpty() ? "no failure" : allowed) + ")");
        }
        if (status == 302 && allowed.equals(List.of(302))
                && !answer.headers().firstValue("Location").orElse("").endsWith("/login")) {
            failures.add(what + ": redirected to " + answer.headers().firstValue("Location").orElse("") + ", not sign-in");
        }
        String leak = asker.role().provider() ? null : leak(answer.body(), asker.host(), asker.role());
        if (leak != null) {
            failures.add(what + ": the answer names " + leak);
        }
    }

    /**
     * The first mark of Bluebird's the body holds, or of the provider's when a reseller's customer or visitor
     * reads it on a reseller's host (law 2; a reseller's staff know their provider), or null.
     */
    static String leak(String body, String host, Role role) {
        String text = body == null ? "" : body.toLowerCase(Locale.ROOT);
        for (String mark : BLUEBIRD_MARKS) {
            if (text.contains(mark)) {
                return "'" + mark + "'";
            }
        }
        if (!host.equals(PROVIDER) && (role == Role.CUSTOMER || role == Role.SIGNED_OUT)) {
            for (String mark : PROVIDER_MARKS) {
                if (text.contains(mark)) {
                    return "'" + mark + "'";
                }
            }
        }
        return null;
    }

    /** The entry's path with each id it carries in the query or path set to the foreign id of its kind. */
    static String withForeignIds(Entry entry, World w) {
        String path = entry.path();
        List<String> query = new ArrayList<>();
        for (Id id : entry.ids()) {
            String foreign = w.foreign(id.kind(), entry.area());
            switch (id.carrier()) {
                case PATH -> path = path + foreign;
                case QUERY, FILTER -> query.add(id.name() + "=" + URLEncoder.encode(foreign, StandardCharsets.UTF_8));
                default -> {
                }
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    /** A body for an API method that is valid but for the foreign id, so the id is what is refused. */
    static String apiBody(Entry entry, World w) {
        String customer = w.foreign(Kind.CUSTOMER, Area.RESELLER);
        return switch (entry.key()) {
            case "POST /api/v1/customers/{id}/funds" -> "{\"amount\":\"1.00\"}";
            case "POST /api/v1/orders" -> "{\"customerId\":" + customer + ",\"planId\":" + w.acmePlan + ",\"cycle\":\"MONTHLY\"}";
            case "POST /api/v1/servers/{id}/power" -> "{\"action\":\"HARD_OFF\"}";
            case "POST /api/v1/servers/{id}/reinstall" -> "{\"template\":\"debian-12\"}";
            case "PUT /api/v1/servers/{id}/addresses/{address}/ptr" -> "{\"hostname\":\"isolation.example.com\"}";
            case "POST /api/v1/tickets" -> "{\"customerId\":" + customer + ",\"departmentId\":" + w.acmeDepartment
                    + ",\"subject\":\"Isolation sweep\",\"body\":\"Isolation sweep\"}";
            case "POST /api/v1/tickets/{number}/replies" -> "{\"body\":\"Isolation sweep\"}";
            case "POST /api/v1/tickets/{number}/escalate" -> "{\"reason\":\"Isolation sweep\"}";
            case "POST /api/v1/customers" -> "{}"; // no id; refused as incomplete (ApiResourcesIT covers it whole)
            default -> entry.verb().equals("GET") ? null : "";
        };
    }

    // ---- the world the sweep runs in --------------------------------------------------------------------

    /** One who asks: a client (with its session), the host it asks and its role. */
    record Asker(String name, Role role, String host, Http http) {
        @Override
        public String toString() {
            return name + "@" + host;
        }
    }

    static final class World {
        final Map<Kind, String> bluebird = new EnumMap<>(Kind.class);
        final Map<Kind, String> provider = new EnumMap<>(Kind.class);
        final Map<Kind, String> acme = new EnumMap<>(Kind.class);
        final List<Asker> askers = new ArrayList<>();
        final String acmeKey;
        final String bluebirdKey;
        final Http bluebirdAdmin;
        final String acmePlan;
        final String acmeDepartment;

        World() throws Exception {
            Http alice = signedIn(ACME, "alice@example.com", PASSWORD);
            Http agent = signedIn(ACME, "agent@acme.example", PASSWORD);
            Http admin = signedIn(ACME, "admin@acme.example", PASSWORD);
            Http providerAdmin = signedIn(PROVIDER, "admin@northwind.example", PASSWORD);
            Http carried = signedIn(ACME, "admin@acme.example", PASSWORD);
            askers.add(new Asker("signed-out", Role.SIGNED_OUT, ACME, new Http()));
            askers.add(new Asker("alice", Role.CUSTOMER, ACME, alice));
            askers.add(new Asker("agent", Role.RESELLER_AGENT, ACME, agent));
            askers.add(new Asker("admin", Role.RESELLER_ADMIN, ACME, admin));
            askers.add(new Asker("signed-out", Role.SIGNED_OUT, PROVIDER, new Http()));
            askers.add(new Asker("acme-admin's-session", Role.RESELLER_ADMIN, PROVIDER, carried));
            askers.add(new Asker("provider-admin", Role.PROVIDER_ADMIN, PROVIDER, providerAdmin));

            bluebirdAdmin = signedIn(BLUEBIRD, "admin@bluebird.example", PASSWORD);
            Http bluebirdAlice = signedIn(BLUEBIRD, "alice@example.com", "bluebird-password");
            bluebirdKey = apiKey(BLUEBIRD, bluebirdAdmin, "isolation sweep (Bluebird)");
            acmeKey = apiKey(ACME, admin, "isolation sweep (Acme)");

            readThroughApi(bluebird, BLUEBIRD, bluebirdKey);
            readThroughApi(acme, ACME, acmeKey);
            // ticket numbers count per reseller: "Bluebird's number" must be one Acme has no ticket with, or
            // asking Acme for it names Acme's own ticket; Bluebird opens tickets for its customer until it is
            for (int opened = 0; api(ACME, "GET", "/api/v1/tickets/" + bluebird.get(Kind.TICKET_NUMBER), acmeKey, null)
                    .statusCode() != 404; opened++) {
                assertTrue(opened < 2000, "Bluebird's ticket numbers pass Acme's");
                HttpResponse<String> ticket = api(BLUEBIRD, "POST", "/api/v1/tickets", bluebirdKey, "{\"customerId\":"
                        + bluebird.get(Kind.CUSTOMER) + ",\"departmentId\":" + bluebird.get(Kind.DEPARTMENT)
                        + ",\"subject\":\"Isolation sweep\",\"body\":\"A ticket numbered past Acme's\"}");
                assertEquals(201, ticket.statusCode(), ticket.body());
                bluebird.put(Kind.TICKET_NUMBER, id(Json.createReader(new StringReader(ticket.body())).readObject(), "number"));
            }
            // products are the provider's one catalogue, which every reseller prices: no reseller owns one, so
            // another's is a product outside the catalogue
            bluebird.put(Kind.PRODUCT, "999999999");
            JsonArray products = items(apiGet(ACME, "/api/v1/products", acmeKey));
            acmePlan = String.valueOf(products.getJsonObject(0).getJsonNumber("id").longValue());
            acmeDepartment = acme.get(Kind.DEPARTMENT);

            // Bluebird's own domain: a claim its admin makes if it has none listed yet
            String domains = bluebirdAdmin.get(BLUEBIRD, "/reseller/domains").body();
            if (!first(domains, "href=\"/reseller/domain\\?id=(\\d+)\"", bluebird, Kind.DOMAIN)) {
                post(bluebirdAdmin, BLUEBIRD, "/reseller/domains", List.of(new String[] {"claim", "claim"},
                        new String[] {"claim:host", "portal.bluebird-isolation.example"}, new String[] {"claim:mailDomain", ""},
                        new String[] {"claim:add", "x"}, new String[] {"jakarta.faces.ViewState", "stateless"}));
                assertTrue(first(bluebirdAdmin.get(BLUEBIRD, "/reseller/domains").body(),
                        "href=\"/reseller/domain\\?id=(\\d+)\"", bluebird, Kind.DOMAIN), "Bluebird's domain claim is listed");
            }
            first(admin.get(ACME, "/reseller/domains").body(), "href=\"/reseller/domain\\?id=(\\d+)\"", acme, Kind.DOMAIN);

            // an abuse report on Bluebird's server, filed by the provider if there is none yet
            if (!first(bluebirdAdmin.get(BLUEBIRD, "/reseller/abuse").body(), "href=\"/reseller/abuse-report\\?id=(\\d+)\"",
                    bluebird, Kind.ABUSE_REPORT)) {
                String server = "/admin/server?id=" + bluebird.get(Kind.SERVER);
                String page = providerAdmin.get(PROVIDER, server).body();
                post(providerAdmin, PROVIDER, server, List.of(new String[] {"abuse", "abuse"},
                        new String[] {"abuse:evidence", "Isolation sweep: a report on Bluebird's server"},
                        new String[] {"abuse:deadline", "720"}, new String[] {"abuse:submit", "x"},
                        new String[] {"jakarta.faces.ViewState", viewState(page)}));
                assertTrue(first(bluebirdAdmin.get(BLUEBIRD, "/reseller/abuse").body(),
                        "href=\"/reseller/abuse-report\\?id=(\\d+)\"", bluebird, Kind.ABUSE_REPORT), "Bluebird's abuse report");
            }
            first(admin.get(ACME, "/reseller/abuse").body(), "href=\"/reseller/abuse-report\\?id=(\\d+)\"", acme,
                    Kind.ABUSE_REPORT);

            // an attachment on Bluebird's ticket, sent by Bluebird's Alice
            String ticket = "/customer/ticket?n=" + bluebird.get(Kind.TICKET_NUMBER);
            if (!first(bluebirdAlice.get(BLUEBIRD, ticket).body(), "/customer/attachment/(\\d+)", bluebird, Kind.ATTACHMENT)) {
                multipart(bluebirdAlice, BLUEBIRD, "/customer/ticket", Map.of("reply", "reply", "n",
                        bluebird.get(Kind.TICKET_NUMBER), "reply:body", "The dump, as asked", "reply:send", "x",
                        "jakarta.faces.ViewState", "stateless"), "reply:files", "dump.txt", "isolation-sweep-secret\n");
                assertTrue(first(bluebirdAlice.get(BLUEBIRD, ticket).body(), "/customer/attachment/(\\d+)", bluebird,
                        Kind.ATTACHMENT), "Bluebird's attachment is linked from its ticket");
            }

            // the provider's objects, for its own area
            first(providerAdmin.get(PROVIDER, "/admin/resellers").body(),
                    "href=\"/admin/reseller\\?id=(\\d+)\">Bluebird Hosting<", provider, Kind.RESELLER);
            first(providerAdmin.get(PROVIDER, "/admin/applications").body(), "href=\"/admin/application\\?id=(\\d+)\"",
                    provider, Kind.APPLICATION);
            first(providerAdmin.get(PROVIDER, "/admin/products").body(), "href=\"/admin/product\\?id=(\\d+)\"", provider,
                    Kind.PRODUCT);
            first(providerAdmin.get(PROVIDER, "/admin/escalations").body(), "href=\"/admin/escalation\\?id=(\\d+)\"",
                    provider, Kind.TICKET);
            // an invoice the portal issued: DashboardFixtures' synthetic ones ("D-…") have no lines to print
            first(providerAdmin.get(PROVIDER, "/admin/billing").body(),
                    "href=\"/admin/invoice\\?id=(\\d+)\" class=\"invoice-link\">(?!D-)", provider, Kind.INVOICE);
            first(providerAdmin.get(PROVIDER, "/admin/servers?q=pool-01").body(), "href=\"/admin/server\\?id=(\\d+)\"",
                    provider, Kind.SERVER);
            // a pool server is the provider's alone: no reseller's staff or customer may reach it
            bluebird.putIfAbsent(Kind.SERVER_JOB, "1");
            bluebird.put(Kind.AUDIT_ENTRY, "999999999");
            bluebird.put(Kind.TOKEN, "isolation-sweep-token");
        }

        List<Asker> askers() {
            return askers;
        }

        /** Bluebird's id of that kind (in the provider's area, the provider's own where it has one). */
        String foreign(Kind kind, Area area) {
            if (area == Area.PROVIDER && provider.containsKey(kind)) {
                return provider.get(kind);
            }
            String id = bluebird.get(kind);
            return id != null ? id : area == Area.RESELLER ? "missing-" + kind : "1";
        }

        /** The view state of the asker's own page of the entry's kind, or "stateless" for a stateless view. */
        String viewStateOfOwnPage(Asker asker, Entry entry) throws Exception {
            StringBuilder path = new StringBuilder(entry.path());
            for (Id id : entry.ids()) {
                if (id.carrier() == Carrier.QUERY && acme.containsKey(id.kind())) {
                    path.append(path.indexOf("?") < 0 ? "?" : "&").append(id.name()).append('=').append(acme.get(id.kind()));
                }
            }
            HttpResponse<String> own = asker.http().get(ACME, path.toString());
            return own.statusCode() == 200 ? viewState(own.body()) : "stateless";
        }

        /** Bluebird's objects as Bluebird reads them, to see that nothing changed. */
        Map<String, String> bluebirdSnapshot() throws Exception {
            Map<String, String> read = new LinkedHashMap<>();
            read.put("server", stable(bluebirdApi("/api/v1/servers/" + bluebird.get(Kind.SERVER))));
            read.put("ticket", bluebirdApi("/api/v1/tickets/" + bluebird.get(Kind.TICKET_NUMBER)));
            read.put("invoice", bluebirdApi("/api/v1/invoices/" + bluebird.get(Kind.INVOICE)));
            read.put("customer", bluebirdApi("/api/v1/customers/" + bluebird.get(Kind.CUSTOMER)));
            read.put("balance", bluebirdApi("/api/v1/customers/" + bluebird.get(Kind.CUSTOMER) + "/balance"));
            read.put("orders", bluebirdApi("/api/v1/orders"));
            read.put("domain", status(bluebirdAdmin.get(BLUEBIRD, "/reseller/domain?id=" + bluebird.get(Kind.DOMAIN)).body()));
            read.put("abuse report", status(bluebirdAdmin.get(BLUEBIRD, "/reseller/abuse-report?id="
                    + bluebird.get(Kind.ABUSE_REPORT)).body()));
            String activity = bluebirdAdmin.get(BLUEBIRD, "/reseller/activity").body();
            Matcher latest = Pattern.compile("<tbody>\\s*(<tr>.*?</tr>)", Pattern.DOTALL).matcher(activity);
            read.put("latest activity", latest.find() ? latest.group(1) : "none");
            return read;
        }

        String bluebirdApi(String path) throws Exception {
            HttpResponse<String> answer = api(BLUEBIRD, "GET", path, bluebirdKey, null);
            assertEquals(200, answer.statusCode(), "Bluebird reads " + path + ": " + answer.body());
            return answer.body();
        }
    }

    /** The ids a reseller's key lists: its customers, servers, tickets, invoices, orders and departments. */
    static void readThroughApi(Map<Kind, String> ids, String host, String key) throws Exception {
        ids.put(Kind.CUSTOMER, id(items(apiGet(host, "/api/v1/customers", key)).getJsonObject(0), "id"));
        JsonArray servers = items(apiGet(host, "/api/v1/servers", key));
        JsonObject server = servers.getValuesAs(JsonObject.class).stream()
                .filter(s -> !s.isNull("customerId")).findFirst().orElse(servers.getJsonObject(0));
        ids.put(Kind.SERVER, id(server, "id"));
        JsonArray addresses = server.getJsonArray("addresses");
        if (addresses != null && !addresses.isEmpty()) {
            ids.put(Kind.SERVER_ADDRESS, addresses.getJsonObject(0).getString("address"));
        }
        ids.put(Kind.TICKET_NUMBER, id(items(apiGet(host, "/api/v1/tickets", key)).getJsonObject(0), "number"));
        ids.put(Kind.INVOICE, id(items(apiGet(host, "/api/v1/invoices", key)).getJsonObject(0), "id"));
        ids.put(Kind.ORDER, id(items(apiGet(host, "/api/v1/orders", key)).getJsonObject(0), "id"));
        JsonValue departments = Json.createReader(new StringReader(apiGet(host, "/api/v1/departments", key))).readValue();
        JsonArray list = departments.getValueType() == JsonValue.ValueType.ARRAY ? departments.asJsonArray()
                : departments.asJsonObject().getJsonArray("items");
        ids.put(Kind.DEPARTMENT, id(list.getJsonObject(0), "id"));
    }

    // ---- HTTP helpers ---------------------------------------------------------------------------------

    static Http signedIn(String host, String email, String password) throws Exception {
        Http http = new Http();
        assertEquals(302, http.signIn(host, email, password).statusCode(), email + " signs in on " + host);
        return http;
    }

    /** A key with every scope, made by the reseller's admin on the API keys page; its secret as shown once. */
    static String apiKey(String host, Http admin, String name) throws Exception {
        String page = admin.get(host, "/reseller/api-keys").body();
        List<String[]> form = new ArrayList<>(List.of(new String[] {"create", "create"}, new String[] {"create:name", name},
                new String[] {"create:addresses", ""}, new String[] {"create:expires", ""}, new String[] {"create:submit", "x"},
                new String[] {"jakarta.faces.ViewState", viewState(page)}));
        for (ApiScope scope : ApiScope.values()) {
            form.add(new String[] {"create:scopes", scope.code()});
        }
        HttpResponse<String> made = post(admin, host, "/reseller/api-keys", form);
        String shown = made.statusCode() == 302 ? admin.get(host, "/reseller/api-keys").body() : made.body();
        Matcher secret = Pattern.compile("id=\"api-secret\"[^>]*>([^<]+)<").matcher(shown);
        assertTrue(secret.find(), "the new key's secret is shown on " + host + ": " + made.statusCode());
        return secret.group(1).trim();
    }

    static String apiGet(String host, String path, String key) throws Exception {
        HttpResponse<String> answer = api(host, "GET", path, key, null);
        assertEquals(200, answer.statusCode(), path + " on " + host + ": " + answer.body());
        return answer.body();
    }

    static HttpResponse<String> api(String host, String verb, String path, String key, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Http.PORT + path))
                .header("Host", host + ":" + Http.PORT).timeout(Duration.ofSeconds(30))
                .method(verb, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new Http().client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form post that may repeat a field (a group of checkboxes). */
    static HttpResponse<String> post(Http http, String host, String path, List<String[]> fields) throws Exception {
        String body = fields.stream().map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Http.PORT + path))
                .header("Host", host + ":" + Http.PORT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart form post with one file, as a browser sends a reply with an attachment. */
    static HttpResponse<String> multipart(Http http, String host, String path, Map<String, String> fields, String fileField,
            String fileName, String content) throws Exception {
        String boundary = "----marque-sweep-" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return http.client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Http.PORT + path))
                .header("Host", host + ":" + Http.PORT).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String viewState(String page) {
        Matcher state = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*?value=\"([^\"]*)\"").matcher(page);
        return state.find() ? state.group(1).replace("&#58;", ":").replace("&amp;", "&") : "stateless";
    }

    static String sessionId(Http http) {
        return ((java.net.CookieManager) http.client().cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("sid")).map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    static boolean first(String page, String regex, Map<Kind, String> ids, Kind kind) {
        Matcher m = Pattern.compile(regex).matcher(page);
        if (m.find()) {
            ids.put(kind, m.group(1));
            return true;
        }
        return false;
    }

    static JsonArray items(String json) {
        return Json.createReader(new StringReader(json)).readObject().getJsonArray("items");
    }

    static String id(JsonObject object, String field) {
        return String.valueOf(object.getJsonNumber(field).longValue());
    }

    /** A server as JSON without the power state the device reports (read anew, it may differ). */
    static String stable(String json) {
        return json.replaceAll("\"power(State|ReadAt)\":(\"[^\"]*\"|null),?", "");
    }

    /** The status badges of a page: what an action would change. */
    static String status(String page) {
        Matcher badges = Pattern.compile("class=\"m-badge[^\"]*\"[^>]*>([^<]*)<").matcher(page);
        List<String> found = new ArrayList<>();
        while (badges.find()) {
            found.add(badges.group(1));
        }
        return String.join("|", found);
    }
}
