package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.it.Deployments;
import io.marque.portal.it.Http;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Acme's admin makes an API key that may read customers: the secret is shown once and never again; a
 * program calling {@code /api/v1/customers} with it on Acme's domain gets Acme's customers, on
 * Bluebird's domain the same key is refused (a key works only on its tenant's domains); the page counts
 * the use; once the admin has revoked the key, Acme's domain refuses it too.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class ApiKeysJourneyIT {

    private static final String ACME = "acme.localhost";
    private static final String BLUEBIRD = "bluebird.localhost";
    private static final String SECRET = "rk_[a-z2-7]{12}_[a-z2-7]{32}";

    @RegisterExtension
    final Browser.Sessions browsers = new Browser.Sessions();

    /** The key this test made, while it is live: revoked after a failure, so failed runs do not pile up live keys. */
    private String liveKeyName;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void anAdminMakesAKeyThatWorksOnlyOnItsOwnDomainUntilRevoked() throws Exception {
        Browser admin = browsers.open("acme-admin");
        admin.signIn(ACME, "admin@acme.example", "demo-password");
        admin.open(ACME, "/reseller/api-keys");
        admin.assertNoErrorPage("opening the API keys");

        String name = "Journey " + UUID.randomUUID().toString().substring(0, 8);
        admin.fillIn("create:name", name);
        admin.find(By.cssSelector("input[type='checkbox'][value='customers:read']")).click();
        admin.clickAndWait("create:submit");
        admin.assertNoErrorPage("creating an API key");
        assertEquals("", admin.errors(), "the key is made");
        String secret = admin.byId("api-secret").getText().strip();
        liveKeyName = name;
        assertTrue(secret.matches(SECRET), "the secret is shown: " + secret);
        String prefix = secret.substring(3, 15);

        admin.open(ACME, "/reseller/api-keys");
        assertTrue(admin.driver().findElements(By.id("api-secret")).isEmpty(), "the secret is not shown a second time");
        assertFalse(admin.driver().getPageSource().contains(secret.substring(16)), "nor any part of it after the prefix");
        WebElement row = admin.byId("key-" + prefix);
        assertTrue(row.getText().contains(name), row.getText());
        assertTrue(row.getText().contains("customers:read"), row.getText());
        assertFalse(row.getText().contains("customers:write"), "only the scope chosen: " + row.getText());
        assertTrue(row.getText().contains("Active"), row.getText());
        assertTrue(row.getText().contains("admin@acme.example"), "who made it: " + row.getText());
        assertEquals("0", cell(admin, prefix, 8), "no request yet");

        Http program = new Http();
        HttpResponse<String> customers = program.get(ACME, "/api/v1/customers", "Authorization", "Bearer " + secret);
        assertEquals(200, customers.statusCode(), customers.body());
        assertTrue(customers.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(customers.body().contains("\"alice@example.com\""), "Acme's Alice is listed: " + customers.body());
        assertTrue(customers.body().contains("Alice Martin"));

        HttpResponse<String> elsewhere = program.get(BLUEBIRD, "/api/v1/customers", "Authorization", "Bearer " + secret);
        assertEquals(401, elsewhere.statusCode(), "Acme's key on Bluebird's domain");
        assertTrue(elsewhere.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        for (String leak : List.of("alice@example.com", "Acme", "Alice")) {
            assertFalse(elsewhere.body().contains(leak), "the refusal shows " + leak + ": " + elsewhere.body());
        }
        assertEquals(401, program.get(ACME, "/api/v1/customers").statusCode(), "no key at all");

        admin.open(ACME, "/reseller/api-keys");
        assertEquals("1", cell(admin, prefix, 8), "the one request Acme's domain accepted is counted");
        assertFalse(cell(admin, prefix, 7).isBlank() || cell(admin, prefix, 7).equals("Not used yet"), "the last use is shown");

        revoke(admin, prefix);
        assertTrue(admin.byId("key-" + prefix).getText().contains("Revoked"), admin.byId("key-" + prefix).getText());
        assertTrue(admin.byId("key-" + prefix).findElements(By.cssSelector("input[id$=':revoke']")).isEmpty(),
                "a revoked key offers no revoking again");
        assertEquals(401, program.get(ACME, "/api/v1/customers", "Authorization", "Bearer " + secret).statusCode(),
                "the revoked key on its own domain");
    }

    /** A key this test made and could not revoke (it failed on the way) is revoked, so it is not left working. */
    @AfterEach
    void revokeWhatIsLeft() {
        if (liveKeyName == null) {
            return;
        }
        try (Browser repair = new Browser("acme-admin-repair")) {
            repair.signIn(ACME, "admin@acme.example", "demo-password");
            repair.open(ACME, "/reseller/api-keys");
            repair.driver().findElements(By.cssSelector("#api-key-table tbody tr")).stream()
                    .filter(r -> r.getText().contains(liveKeyName) && r.getText().contains("Active")).findFirst()
                    .ifPresent(r -> revoke(repair, r.getAttribute("id").substring("key-".length())));
        }
    }

    /** Revokes the key with this prefix as an admin would: the button, then the confirming one. */
    private void revoke(Browser admin, String prefix) {
        admin.byId("key-" + prefix).findElement(By.cssSelector("input[id$=':revoke']")).click();
        admin.waiting().until(d -> !d.findElements(By.id("confirm-warning")).isEmpty());
        assertTrue(admin.byId("confirm-warning").getText().contains(liveKeyName), admin.byId("confirm-warning").getText());
        admin.clickAndWait("keys:confirm-revoke");
        admin.assertNoErrorPage("revoking an API key");
        liveKeyName = null;
    }

    /** The text of one cell (1-based column) of the key's row. */
    private static String cell(Browser admin, String prefix, int column) {
        return admin.byId("key-" + prefix).findElement(By.cssSelector("td:nth-child(" + column + ")")).getText().strip();
    }
}
