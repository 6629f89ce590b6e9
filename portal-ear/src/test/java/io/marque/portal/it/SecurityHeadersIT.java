package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The headers of every kind of answer, as the network sees them: pages allow only scripts of their own
 * host or carrying the response's nonce (no {@code unsafe-inline}, no {@code unsafe-eval}); files run
 * nothing; nothing may be framed; HSTS only when a trusted proxy says the browser used TLS. And a
 * signed-in user's form posted from another site's page is refused and changes nothing.
 *
 * <p>The tests' server trusts no proxy ({@code MARQUE_TRUSTED_PROXIES} is empty in {@code ./marque test}),
 * so the trusted-proxy case, HSTS present, is tested on the rule itself ({@code SecurityHeadersTest}).
 */
@ExtendWith(ArquillianExtension.class)
class SecurityHeadersIT {

    private static final String ACME = "acme.localhost";
    private static final Pattern NONCE_ATTRIBUTE = Pattern.compile("\\snonce=\"([^\"]*)\"");
    private static final Pattern SCRIPT_NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    /** A page with its nonces blanked, for comparing two renderings of the same page. */
    static String withoutNonces(String html) {
        return NONCE_ATTRIBUTE.matcher(html).replaceAll(" nonce=\"\"");
    }

    @Test
    void aSignedOutPageAllowsOnlyItsOwnNoncedScripts() throws Exception {
        HttpResponse<String> first = new Http().get(ACME, "/login");
        HttpResponse<String> second = new Http().get(ACME, "/login");
        String one = assertPage(first, "/login");
        String two = assertPage(second, "/login (kept in memory)");
        assertNotEquals(one, two, "each response has its own nonce, also a page served from memory");
        assertPage(new Http().get(ACME, "/forgot"), "/forgot");
        assertPage(new Http().get(ACME, "/login?signedUp=true"), "/login with a query");
        assertPage(new Http().get("provider.localhost", "/login"), "the provider's sign-in");
    }

    @Test
    void aSignedInPageAndTheErrorPagesToo() throws Exception {
        Http alice = signedIn(ACME, "alice@example.com");
        String one = assertPage(alice.get(ACME, "/customer/"), "the customer's home");
        String two = assertPage(alice.get(ACME, "/customer/profile"), "the customer's profile");
        assertNotEquals(one, two);
        assertPage(alice.get(ACME, "/customer/tickets"), "the customer's tickets");
        Http admin = signedIn(ACME, "admin@acme.example");
        assertPage(admin.get(ACME, "/reseller/branding"), "the reseller's branding page");

        HttpResponse<String> missing = new Http().get(ACME, "/no-such-page");
        assertEquals(404, missing.statusCode());
        assertPage(missing, "the 404 page");
        HttpResponse<String> notHere = alice.get(ACME, "/customer/server?id=999999999");
        assertEquals(404, notHere.statusCode());
        assertPage(notHere, "a signed-in 404");
    }

    @Test
    void filesAndTheApiRunNothing() throws Exception {
        String page = new Http().get(ACME, "/login").body();
        Matcher css = Pattern.compile("/assets/[0-9a-f]{12}/theme\\.css").matcher(page);
        assertTrue(css.find());
        HttpResponse<String> sheet = new Http().get(ACME, css.group());
        assertEquals(200, sheet.statusCode());
        assertFile(sheet, "the theme's stylesheet");

        Http alice = signedIn(ACME, "alice@example.com");
        Matcher ticket = Pattern.compile("href=\"/customer/ticket\\?n=(\\d+)\"").matcher(alice.get(ACME, "/customer/tickets").body());
        assertTrue(ticket.find(), "Alice has a ticket");
        HttpResponse<String> transcript = alice.get(ACME, "/customer/ticket.pdf?n=" + ticket.group(1));
        assertEquals(200, transcript.statusCode());
        assertTrue(transcript.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        assertFile(transcript, "a ticket's transcript");

        HttpResponse<String> api = new Http().get(ACME, "/api/v1/customers");
        assertEquals(401, api.statusCode());
        assertFile(api, "the API without a key");
    }

    @Test
    void hstsOnlyWhenATrustedProxySaysTheBrowserUsedTls() throws Exception {
        HttpResponse<String> plain = new Http().get(ACME, "/login");
        assertFalse(plain.headers().firstValue("Strict-Transport-Security").isPresent(), "plain http");
        HttpResponse<String> claimed = new Http().get(ACME, "/login", "X-Forwarded-Proto", "https");
        assertEquals(200, claimed.statusCode());
        assertFalse(claimed.headers().firstValue("Strict-Transport-Security").isPresent(),
                "X-Forwarded-Proto from a client that is no trusted proxy");
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefusedAndChangesNothing() throws Exception {
        Http bob = signedIn(ACME, "bob@example.com");
        Map<String, String> form = profileForm(bob);
        String name = form.get("details:name");
        String forged = "Forged " + System.nanoTime();

        form.put("details:name", forged);
        HttpResponse<String> evil = post(bob, "/customer/profile", form, "Origin", "http://evil.example");
        assertEquals(403, evil.statusCode());
        HttpSurfaceIT.assertNeutral(evil.body());
        assertEquals(name, profileForm(bob).get("details:name"), "the name is unchanged");

        HttpResponse<String> viaReferer = post(bob, "/customer/profile", profileForm(bob, forged), "Referer",
                "http://evil.example/acme.localhost:" + Http.PORT + "/customer/profile");
        assertEquals(403, viaReferer.statusCode(), "no Origin: the Referer names another site");
        HttpResponse<String> otherTenant = post(bob, "/customer/profile", profileForm(bob, forged), "Origin",
                "http://bluebird.localhost:" + Http.PORT);
        assertEquals(403, otherTenant.statusCode(), "another tenant's host is another site");
        HttpResponse<String> opaque = post(bob, "/customer/profile", profileForm(bob, forged), "Origin", "null");
        assertEquals(403, opaque.statusCode(), "an opaque origin");
        assertEquals(name, profileForm(bob).get("details:name"), "still unchanged");

        HttpResponse<String> own = post(bob, "/customer/profile", profileForm(bob, forged), "Origin",
                "http://" + ACME + ":" + Http.PORT);
        assertEquals(302, own.statusCode(), "the same post from the portal's own page: " + own.body());
        assertEquals(forged, profileForm(bob).get("details:name"), "and it changed the name");
        HttpResponse<String> back = post(bob, "/customer/profile", profileForm(bob, name), "Referer",
                "http://" + ACME + ":" + Http.PORT + "/customer/profile");
        assertEquals(302, back.statusCode(), "a Referer of the portal's own page will do without an Origin");
        assertEquals(name, profileForm(bob).get("details:name"));
    }

    @Test
    void signingInAndOutFromAnotherSiteIsRefused() throws Exception {
        Http victim = new Http();
        HttpResponse<String> signIn = post(victim, "/login", Map.of("login", "login", "email", "bob@example.com",
                "password", "demo-password", "submit", "Sign in", "jakarta.faces.ViewState", "stateless"),
                "Origin", "http://evil.example");
        assertEquals(403, signIn.statusCode(), "login CSRF");
        assertEquals(302, victim.get(ACME, "/customer/").statusCode(), "not signed in");

        Http bob = signedIn(ACME, "bob@example.com");
        assertEquals(403, post(bob, "/logout", Map.of(), "Origin", "http://evil.example").statusCode());
        assertEquals(200, bob.get(ACME, "/customer/").statusCode(), "still signed in");
    }

    /** Asserts the headers of a page and that its scripts carry the header's nonce; returns the nonce. */
    private static String assertPage(HttpResponse<String> response, String what) {
        assertCommon(response, what);
        List<String> policies = response.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), what + ": one policy, not two: " + policies);
        String policy = policies.get(0);
        assertFalse(policy.contains("unsafe-inline"), what + ": " + policy);
        assertFalse(policy.contains("unsafe-eval"), what + ": " + policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), what + ": " + policy);
        assertTrue(policy.contains("object-src 'none'"), what + ": " + policy);
        Matcher header = SCRIPT_NONCE.matcher(policy);
        assertTrue(header.find(), what + ": script-src with a nonce: " + policy);
        String nonce = header.group(1);
        assertTrue(nonce.length() >= 22, what + ": a nonce of 128 bits: " + nonce);

        String html = response.body();
        List<String> inPage = new ArrayList<>();
        Matcher attribute = NONCE_ATTRIBUTE.matcher(html);
        while (attribute.find()) {
            inPage.add(attribute.group(1));
        }
        assertFalse(inPage.isEmpty(), what + ": the page's inline scripts carry a nonce");
        for (String value : inPage) {
            assertEquals(nonce, value, what + ": the page's nonce is the header's");
        }
        Matcher script = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(html);
        while (script.find()) {
            assertTrue(script.group().contains("nonce=\"" + nonce + "\""), what + ": an inline script without the nonce: " + script.group());
        }
        assertFalse(Pattern.compile("<[^>]+\\son[a-z]+=\"", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                what + ": an event attribute the policy would refuse");
        assertFalse(Pattern.compile("<[^>]+\\sstyle=\"").matcher(html).find(), what + ": a style attribute the policy would refuse");
        return nonce;
    }

    private static void assertFile(HttpResponse<String> response, String what) {
        assertCommon(response, what);
        List<String> policies = response.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), what + ": " + policies);
        assertTrue(policies.get(0).startsWith("default-src 'none'"), what + ": " + policies.get(0));
        assertTrue(policies.get(0).contains("sandbox"), what + ": " + policies.get(0));
        assertFalse(policies.get(0).contains("nonce-"), what + ": a file has no scripts");
    }

    private static void assertCommon(HttpResponse<String> response, String what) {
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), what);
        assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""), what);
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), what);
        assertFalse(response.headers().firstValue("Strict-Transport-Security").isPresent(), what + ": plain http");
    }

    private static Http signedIn(String host, String email) throws Exception {
        Http http = new Http();
        assertEquals(302, http.signIn(host, email, "demo-password").statusCode(), email);
        return http;
    }

    /** The profile's details form as the page shows it, with its view state; {@code name} replaces the name. */
    private static Map<String, String> profileForm(Http user, String name) throws Exception {
        Map<String, String> form = profileForm(user);
        form.put("details:name", name);
        return form;
    }

    private static Map<String, String> profileForm(Http user) throws Exception {
        HttpResponse<String> page = user.get(ACME, "/customer/profile");
        assertEquals(200, page.statusCode());
        String html = page.body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("details", "details");
        form.put("details:name", attribute(html, "<input[^>]*name=\"details:name\"[^>]*>", "value"));
        Matcher select = Pattern.compile("<select[^>]*name=\"details:locale\".*?</select>", Pattern.DOTALL).matcher(html);
        assertTrue(select.find(), "the language menu");
        Matcher selected = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(select.group());
        form.put("details:locale", selected.find() ? selected.group(1) : "");
        form.put("details:save", "Save");
        form.put("jakarta.faces.ViewState", attribute(html, "<input[^>]*name=\"jakarta.faces.ViewState\"[^>]*>", "value"));
        return form;
    }

    private static String attribute(String html, String element, String name) {
        Matcher tag = Pattern.compile(element).matcher(html);
        assertTrue(tag.find(), element);
        Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag.group());
        assertTrue(value.find(), name + " of " + tag.group());
        return value.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** A form post as a browser sends it, with one more header ({@code Origin} or {@code Referer}). */
    private static HttpResponse<String> post(Http http, String path, Map<String, String> form, String header, String value)
            throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Http.PORT + path))
                .header("Host", ACME + ":" + Http.PORT).header("Content-Type", "application/x-www-form-urlencoded")
                .header(header, value).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.client().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
