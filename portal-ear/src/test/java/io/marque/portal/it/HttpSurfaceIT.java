package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal as the network sees it, on the demo tenants: the tenant comes from the Host header and
 * nothing else, unknown hosts get a neutral 404, no header names the server product, signed-out
 * pages set no session, a session is rotated at sign-in and refused on another tenant's host.
 */
@ExtendWith(ArquillianExtension.class)
class HttpSurfaceIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void eachHostServesItsOwnTenant() throws Exception {
        Http http = new Http();
        assertTrue(http.get("acme.localhost", "/login").body().contains("Acme Cloud"));
        assertTrue(http.get("support.acme.localhost", "/login").body().contains("Acme Cloud"), "a second domain of Acme");
        assertTrue(http.get("bluebird.localhost", "/login").body().contains("Bluebird Hosting"));
        assertTrue(http.get("provider.localhost", "/login").body().contains("Northwind Hosting"));
        assertFalse(http.get("bluebird.localhost", "/login").body().contains("Acme"));
    }

    @Test
    void anUnknownHostGetsANeutral404() throws Exception {
        for (String host : List.of("unknown.localhost", "acme.localhost.evil.example", "127.0.0.1")) {
            HttpResponse<String> response = new Http().get(host, "/login");
            assertEquals(404, response.statusCode(), host);
            assertNeutral(response.body());
            assertFalse(response.headers().firstValue("Set-Cookie").isPresent());
        }
    }

    @Test
    void aForgedForwardedHostFromAnUntrustedClientIsIgnored() throws Exception {
        HttpResponse<String> response = new Http().get("acme.localhost", "/login", "X-Forwarded-Host", "bluebird.localhost");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Acme Cloud"));
        assertFalse(response.body().contains("Bluebird"));
        HttpResponse<String> unknown = new Http().get("unknown.localhost", "/login", "X-Forwarded-Host", "acme.localhost");
        assertEquals(404, unknown.statusCode());
    }

    @Test
    void noHeaderNamesTheServerAndSignedOutPagesMakeNoSession() throws Exception {
        for (String path : List.of("/login", "/forgot", "/signup", "/reset?token=nothing", "/no-such-page")) {
            HttpResponse<String> response = new Http().get("acme.localhost", path);
            assertFalse(response.headers().firstValue("Server").isPresent(), path);
            assertFalse(response.headers().firstValue("X-Powered-By").isPresent(), path);
            assertFalse(response.headers().firstValue("Set-Cookie").isPresent(), path + " set a cookie");
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        HttpResponse<String> missing = new Http().get("acme.localhost", "/no-such-page");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Acme Cloud"), "a known host's 404 is in its brand");
        assertFalse(missing.body().contains("Caused by") || missing.body().contains(".java:"), "no stack trace");
    }

    @Test
    void signedOutPagesAreTheSameForEveryVisitorButFollowTheLanguage() throws Exception {
        // the same but for the script nonce, which is each response's own (SecurityHeadersIT)
        String first = SecurityHeadersIT.withoutNonces(new Http().get("acme.localhost", "/login").body());
        String again = SecurityHeadersIT.withoutNonces(new Http().get("acme.localhost", "/login").body());
        assertEquals(first, again);
        String russian = SecurityHeadersIT.withoutNonces(new Http().get("acme.localhost", "/login", "Cookie", "lang=ru").body());
        assertTrue(russian.contains("lang=\"ru\""), "the Russian page");
        assertFalse(russian.equals(first));
        assertEquals(first, SecurityHeadersIT.withoutNonces(new Http().get("acme.localhost", "/login", "Cookie", "lang=xx").body()),
                "an unknown language is the tenant's default");
        assertTrue(new Http().get("bluebird.localhost", "/login").body().contains("Bluebird Hosting"),
                "each tenant has its own page");
        HttpResponse<String> signedUp = new Http().get("acme.localhost", "/login?signedUp=true");
        assertTrue(signedUp.body().contains("m-info"), "a page with a query is rendered for it");
    }

    @Test
    void theWrongAreaForATenantIsNotThere() throws Exception {
        assertEquals(404, new Http().get("acme.localhost", "/admin/").statusCode());
        assertEquals(404, new Http().get("provider.localhost", "/customer/").statusCode());
        assertEquals(404, new Http().get("provider.localhost", "/reseller/").statusCode());
        assertEquals(302, new Http().get("acme.localhost", "/customer/").statusCode(), "signed out: to sign-in");
    }

    @Test
    void signInRotatesTheSessionAndTheSessionIsBoundToItsTenant() throws Exception {
        Http browser = new Http();
        HttpResponse<String> protectedPage = browser.get("acme.localhost", "/customer/profile");
        assertEquals(302, protectedPage.statusCode());
        String before = cookie(protectedPage, "sid");
        assertFalse(before.isEmpty(), "the saved request needs a session");
        HttpResponse<String> signedIn = browser.signIn("acme.localhost", "alice@example.com", "demo-password");
        assertEquals(302, signedIn.statusCode());
        assertTrue(signedIn.headers().firstValue("Location").orElse("").endsWith("/customer/profile"), "back to the saved page");
        String after = cookie(signedIn, "sid");
        assertFalse(after.isEmpty(), "sign-in issues a new session id");
        assertFalse(after.equals(before), "the session id changes at sign-in");
        assertEquals(200, browser.get("acme.localhost", "/customer/").statusCode());
        assertEquals(200, browser.get("support.acme.localhost", "/customer/", "Cookie", "sid=" + after).statusCode(),
                "another domain of the same tenant honours the session");
        // the same session cookie carried to another tenant is refused
        Http thief = new Http();
        HttpResponse<String> elsewhere = thief.get("bluebird.localhost", "/customer/", "Cookie", "sid=" + after);
        assertEquals(302, elsewhere.statusCode());
        assertTrue(elsewhere.headers().firstValue("Location").orElse("").endsWith("/login"));
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Http browser = new Http();
        assertEquals(302, browser.signIn("acme.localhost", "bob@example.com", "demo-password").statusCode());
        assertEquals(200, browser.get("acme.localhost", "/customer/").statusCode());
        HttpResponse<String> out = browser.postForm("acme.localhost", "/logout", java.util.Map.of());
        assertEquals(302, out.statusCode());
        assertEquals(302, browser.get("acme.localhost", "/customer/").statusCode(), "signed out: back to sign-in");
        assertEquals(405, new Http().get("acme.localhost", "/logout").statusCode(), "a GET cannot sign anyone out");
    }

    @Test
    void anExpiredOrForgedViewStateGetsTheThemedExpiredPage() throws Exception {
        Http browser = new Http();
        browser.signIn("acme.localhost", "admin@acme.example", "demo-password");
        HttpResponse<String> forged = browser.postForm("acme.localhost", "/reseller/branding", java.util.Map.of(
                "brand", "brand", "brand:displayName", "Hijacked", "brand:save", "Save",
                "jakarta.faces.ViewState", "-1234567890:987654321"));
        assertEquals(400, forged.statusCode(), "a made-up view state is a bad request, not a server error");
        assertTrue(forged.body().contains("id=\"error-expired\""), "the expired-page: " + forged.statusCode());
        assertTrue(forged.body().contains("Acme Cloud"));
        assertTrue(new Http().get("acme.localhost", "/login").body().contains("Acme Cloud"), "the brand is unchanged");
    }

    @Test
    void acmeCredentialsFailOnBluebird() throws Exception {
        HttpResponse<String> bluebird = new Http().signIn("bluebird.localhost", "bob@example.com", "demo-password");
        assertEquals(200, bluebird.statusCode());
        assertTrue(bluebird.body().contains("not correct"), "the sign-in page says so");
        HttpResponse<String> acme = new Http().signIn("acme.localhost", "bob@example.com", "demo-password");
        assertEquals(302, acme.statusCode());
    }

    @Test
    void assetsAreServedUnderHashedPathsOnTheTenantsHost() throws Exception {
        String page = new Http().get("acme.localhost", "/login").body();
        var css = java.util.regex.Pattern.compile("/assets/([0-9a-f]{12})/theme\\.css").matcher(page);
        assertTrue(css.find());
        HttpResponse<String> sheet = new Http().get("acme.localhost", css.group(0));
        assertEquals(200, sheet.statusCode());
        assertTrue(sheet.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        assertTrue(sheet.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertEquals(404, new Http().get("acme.localhost", "/assets/" + css.group(1) + "/../../WEB-INF/web.xml").statusCode());
        HttpResponse<String> encoded = new Http().get("acme.localhost", "/assets/" + css.group(1) + "/img/..%2F..%2Ftheme.properties");
        assertTrue(encoded.statusCode() == 400 || encoded.statusCode() == 404, "encoded traversal refused: " + encoded.statusCode());
        assertFalse(encoded.body().contains("color.primary"));
    }

    /**
     * The server pages keep law 1 and the ownership rule: signed out they lead to sign-in; a customer
     * reaches her own servers only, another customer's (same reseller) and another reseller's are the
     * site's 404; a reseller's staff reach their reseller's servers only; the admin-only pages refuse
     * agents; and no page names the provider's inventory data.
     */
    @Test
    void serverPagesNeedSignInAndReachOnlyTheReadersOwnServers() throws Exception {
        for (String path : List.of("/customer/servers", "/customer/server?id=1", "/reseller/servers",
                "/reseller/server?id=1", "/reseller/abuse", "/reseller/abuse-report?id=1", "/reseller/os-templates",
                "/reseller/contacts")) {
            HttpResponse<String> signedOut = new Http().get("acme.localhost", path);
            assertEquals(302, signedOut.statusCode(), path + " signed out");
            assertTrue(signedOut.headers().firstValue("Location").orElse("").endsWith("/login"), path);
        }

        Http alice = signedIn("acme.localhost", "alice@example.com", "demo-password");
        long web01 = serverId(alice, "acme.localhost", "web-01.martin-web.example");
        Http bluebirdAlice = signedIn("bluebird.localhost", "alice@example.com", "bluebird-password");
        long bluebirds = serverId(bluebirdAlice, "bluebird.localhost", "db.alice-bluebird.example");

        HttpResponse<String> own = alice.get("acme.localhost", "/customer/server?id=" + web01);
        assertEquals(200, own.statusCode());
        assertTrue(own.body().contains("web-01.martin-web.example"));
        for (String internal : List.of("FRA1-R12-U", "10.20.0.", "NW-FRA1-", "northwind-ops", "Northwind")) {
            assertFalse(own.body().contains(internal), "the customer's server page shows " + internal);
        }
        assertEquals(404, alice.get("acme.localhost", "/customer/server?id=" + bluebirds).statusCode(),
                "another reseller's server");
        assertEquals(404, alice.get("acme.localhost", "/customer/server?id=" + web01 + "x").statusCode(), "not a number");
        assertEquals(404, bluebirdAlice.get("bluebird.localhost", "/customer/server?id=" + web01).statusCode(),
                "the same address on another reseller is another account");
        Http bob = signedIn("acme.localhost", "bob@example.com", "demo-password");
        assertEquals(404, bob.get("acme.localhost", "/customer/server?id=" + web01).statusCode(), "another customer's");
        assertEquals(403, alice.get("acme.localhost", "/reseller/servers").statusCode(), "a customer in the staff area");

        Http admin = signedIn("acme.localhost", "admin@acme.example", "demo-password");
        assertEquals(200, admin.get("acme.localhost", "/reseller/server?id=" + web01).statusCode());
        assertEquals(404, admin.get("acme.localhost", "/reseller/server?id=" + bluebirds).statusCode(),
                "another reseller's server for Acme's admin");
        assertEquals(404, admin.get("acme.localhost", "/reseller/abuse-report?id=999999999").statusCode());
        for (String page : List.of("/reseller/servers", "/reseller/abuse", "/reseller/os-templates", "/reseller/contacts")) {
            assertEquals(200, admin.get("acme.localhost", page).statusCode(), page + " for the admin");
        }
        Http agent = signedIn("acme.localhost", "agent@acme.example", "demo-password");
        assertEquals(200, agent.get("acme.localhost", "/reseller/servers").statusCode());
        assertEquals(200, agent.get("acme.localhost", "/reseller/abuse").statusCode());
        assertEquals(200, agent.get("acme.localhost", "/reseller/server?id=" + web01).statusCode());
        assertEquals(403, agent.get("acme.localhost", "/reseller/os-templates").statusCode(), "admins only");
        assertEquals(403, agent.get("acme.localhost", "/reseller/contacts").statusCode(), "admins only");
    }

    /**
     * The provider's billing pages are the provider staff's only: signed out they lead to sign-in; on a
     * reseller's host they are not there, for anyone; a reseller's session carried to the provider's host
     * is refused; agents read the catalogue, the billing desk and invoices but not the pages that change a
     * product or the billing settings; an invoice that is none of the provider's is the site's 404.
     */
    @Test
    void providerBillingPagesAreForProviderStaffAndTheChangingOnesForAdmins() throws Exception {
        List<String> staffPages = List.of("/admin/products", "/admin/billing", "/admin/billing?reseller=1");
        List<String> adminPages = List.of("/admin/product", "/admin/product.xhtml", "/admin/product?id=1",
                "/admin/billing-settings", "/admin/billing-settings.xhtml");
        List<String> all = new java.util.ArrayList<>(staffPages);
        all.addAll(adminPages);
        all.add("/admin/invoice?id=1");
        for (String path : all) {
            HttpResponse<String> signedOut = new Http().get("provider.localhost", path);
            assertEquals(302, signedOut.statusCode(), path + " signed out");
            assertTrue(signedOut.headers().firstValue("Location").orElse("").endsWith("/login"), path);
        }

        Http resellerAdmin = signedIn("acme.localhost", "admin@acme.example", "demo-password");
        for (String path : all) {
            assertEquals(404, resellerAdmin.get("acme.localhost", path).statusCode(), path + " on a reseller's host");
        }
        for (String path : all) {
            // the same client carries Acme's session to the provider's host: refused, by role or by tenant
            HttpResponse<String> carried = resellerAdmin.get("provider.localhost", path);
            assertTrue(carried.statusCode() == 302 || carried.statusCode() == 403, path + " with a reseller's session: "
                    + carried.statusCode());
            assertFalse(carried.body().contains("id=\"invoice-table\"") || carried.body().contains("id=\"product-table\""), path);
        }

        Http agent = signedIn("provider.localhost", "agent@northwind.example", "demo-password");
        for (String path : staffPages) {
            assertEquals(200, agent.get("provider.localhost", path).statusCode(), path + " for a provider agent");
        }
        for (String path : adminPages) {
            assertEquals(403, agent.get("provider.localhost", path).statusCode(), path + " for a provider agent");
        }
        assertEquals(404, agent.get("provider.localhost", "/admin/invoice?id=999999999").statusCode(), "no such invoice");

        Http admin = signedIn("provider.localhost", "admin@northwind.example", "demo-password");
        for (String path : List.of("/admin/products", "/admin/billing", "/admin/product", "/admin/billing-settings")) {
            assertEquals(200, admin.get("provider.localhost", path).statusCode(), path + " for a provider admin");
        }
        assertEquals(404, admin.get("provider.localhost", "/admin/product?id=999999999").statusCode(), "no such product");
        assertEquals(404, admin.get("provider.localhost", "/admin/invoice?id=999999999").statusCode(), "no such invoice");
    }

    /**
     * The API keys page is a reseller admin's only: signed out it leads to sign-in, customers and agents
     * are refused, on the provider's host it is not there, and an admin's session carried to another
     * reseller's host is refused. The API limits on a reseller's detail page are shown to provider staff
     * and changed by provider admins only; a reseller's admin does not reach that page at all.
     */
    @Test
    void apiKeysAreForResellerAdminsAndApiLimitsForProviderAdmins() throws Exception {
        List<String> pages = List.of("/reseller/api-keys", "/reseller/api-keys.xhtml");
        for (String path : pages) {
            HttpResponse<String> signedOut = new Http().get("acme.localhost", path);
            assertEquals(302, signedOut.statusCode(), path + " signed out");
            assertTrue(signedOut.headers().firstValue("Location").orElse("").endsWith("/login"), path);
            assertEquals(404, new Http().get("provider.localhost", path).statusCode(), path + " on the provider's host");
        }
        Http alice = signedIn("acme.localhost", "alice@example.com", "demo-password");
        Http agent = signedIn("acme.localhost", "agent@acme.example", "demo-password");
        Http admin = signedIn("acme.localhost", "admin@acme.example", "demo-password");
        for (String path : pages) {
            assertEquals(403, alice.get("acme.localhost", path).statusCode(), path + " for a customer");
            HttpResponse<String> forAgent = agent.get("acme.localhost", path);
            assertEquals(403, forAgent.statusCode(), path + " for an agent");
            assertFalse(forAgent.body().contains("create:submit"), path);
            HttpResponse<String> forAdmin = admin.get("acme.localhost", path);
            assertEquals(200, forAdmin.statusCode(), path + " for the admin");
            assertTrue(forAdmin.body().contains("create:submit"), "the form that makes a key");
            assertEquals("no-store", forAdmin.headers().firstValue("Cache-Control").orElse(""),
                "a page that may show a secret is never kept");
        }
        assertFalse(agent.get("acme.localhost", "/reseller/").body().contains("href=\"/reseller/api-keys\""),
                "no link for an agent");
        assertTrue(admin.get("acme.localhost", "/reseller/").body().contains("href=\"/reseller/api-keys\""),
                "a link for the admin");
        // the same client carries Acme's session to Bluebird's host
        HttpResponse<String> carried = admin.get("bluebird.localhost", "/reseller/api-keys");
        assertEquals(302, carried.statusCode(), "Acme's session on Bluebird");
        assertTrue(carried.headers().firstValue("Location").orElse("").endsWith("/login"));

        Http providerAdmin = signedIn("provider.localhost", "admin@northwind.example", "demo-password");
        var link = java.util.regex.Pattern.compile("href=\"/admin/reseller\\?id=(\\d+)\">Acme Cloud<")
                .matcher(providerAdmin.get("provider.localhost", "/admin/resellers").body());
        assertTrue(link.find(), "Acme in the provider's reseller list");
        String detail = "/admin/reseller?id=" + link.group(1);
        HttpResponse<String> forProviderAdmin = providerAdmin.get("provider.localhost", detail);
        assertEquals(200, forProviderAdmin.statusCode());
        assertTrue(forProviderAdmin.body().contains("id=\"api-limits-now\""), "the limits are shown");
        assertTrue(forProviderAdmin.body().contains("apiLimits:save"), "and can be changed by an admin");
        Http providerAgent = signedIn("provider.localhost", "agent@northwind.example", "demo-password");
        HttpResponse<String> forProviderAgent = providerAgent.get("provider.localhost", detail);
        assertEquals(200, forProviderAgent.statusCode());
        assertTrue(forProviderAgent.body().contains("id=\"api-limits-now\""), "an agent sees the limits");
        assertFalse(forProviderAgent.body().contains("apiLimits:save"), "but cannot change them");
        assertEquals(404, new Http().get("acme.localhost", detail).statusCode(), "the provider's page on a reseller's host");
        assertEquals(404, admin.get("acme.localhost", detail).statusCode(), "even for the reseller's admin");
    }

    private static Http signedIn(String host, String email, String password) throws Exception {
        Http http = new Http();
        assertEquals(302, http.signIn(host, email, password).statusCode(), email + " signs in on " + host);
        return http;
    }

    /** A customer's server id, from the link in her server list. */
    private static long serverId(Http customer, String host, String hostname) throws Exception {
        String list = customer.get(host, "/customer/servers").body();
        var link = java.util.regex.Pattern.compile("href=\"/customer/server\\?id=(\\d+)\"[^>]*>"
                + java.util.regex.Pattern.quote(hostname) + "<").matcher(list);
        assertTrue(link.find(), hostname + " in the server list on " + host);
        return Long.parseLong(link.group(1));
    }

    static void assertNeutral(String body) {
        for (String brand : List.of("Acme", "Bluebird", "Northwind", "provider.localhost", "WildFly", "Undertow", "Marque")) {
            assertFalse(body.contains(brand), "the neutral page names " + brand);
        }
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElse("");
    }
}
