package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.it.Deployments;
import io.marque.portal.it.Http;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The provider admin runs the reseller program in its console: it creates a reseller, which is at
 * once reachable on its own domain in its own brand; adds and removes a second domain; suspends the
 * reseller (its domains then answer with a neutral page) and reactivates it.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class ProviderJourneyIT {

    private static final String PROVIDER = "provider.localhost";

    @RegisterExtension
    final Browser.Sessions browsers = new Browser.Sessions();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theProviderCreatesAResellerManagesItsDomainsAndSuspendsIt() throws Exception {
        String slug = "delta" + UUID.randomUUID().toString().substring(0, 6);
        String host = slug + ".localhost";
        String shop = "shop." + host;
        Browser admin = browsers.open("provider-admin");
        assertEquals("/admin/", admin.signIn(PROVIDER, "admin@northwind.example", "demo-password"));
        admin.find(By.cssSelector(".m-nav a[href='/admin/resellers']")).click();
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reseller-table")));
        assertTrue(admin.byId("reseller-table").getText().contains("Acme Cloud"));

        admin.fillIn("create:name", "Delta Hosting");
        admin.fillIn("create:slug", slug);
        admin.fillIn("create:domain", host);
        new Select(admin.byId("create:theme")).selectByValue("harbor");
        admin.fillIn("create:supportEmail", "help@" + host);
        admin.fillIn("create:adminName", "Dora Delta");
        admin.fillIn("create:adminEmail", "dora@" + host);
        admin.clickAndWait("create:submit");
        admin.assertNoErrorPage("creating a reseller");
        assertEquals("Delta Hosting", admin.byId("reseller-name").getText());
        assertTrue(admin.byId("domain-table").getText().contains(host));

        HttpResponse<String> page = new Http().get(host, "/login");
        assertEquals(200, page.statusCode(), "the new reseller answers on its domain at once");
        assertTrue(page.body().contains("Delta Hosting") && page.body().contains("theme-harbor"));
        assertFalse(page.body().contains("Northwind"));

        admin.fillIn("addDomain:host", shop);
        admin.clickAndWait("addDomain:add");
        admin.assertNoErrorPage("adding a domain");
        assertTrue(admin.byId("domain-table").getText().contains(shop));
        assertEquals(200, new Http().get(shop, "/login").statusCode(), "the second domain works");

        admin.fillIn("addDomain:host", "acme.localhost");
        admin.clickAndWait("addDomain:add");
        assertTrue(admin.errors().contains("in use"), "another tenant's domain is refused: " + admin.errors());
        assertTrue(new Http().get("acme.localhost", "/login").body().contains("Acme Cloud"), "Acme keeps its domain");

        admin.driver().findElements(By.cssSelector("#domain-table tr")).stream()
                .filter(row -> row.getText().contains(shop)).findFirst().orElseThrow()
                .findElement(By.cssSelector("input[value='Remove']")).click();
        admin.waiting().until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("domain-table"), shop)));
        assertEquals(404, new Http().get(shop, "/login").statusCode(), "a removed domain is unknown at once");

        admin.clickAndWait("status:suspend");
        HttpResponse<String> suspended = new Http().get(host, "/login");
        assertEquals(503, suspended.statusCode());
        assertFalse(suspended.body().contains("Delta") || suspended.body().contains("Northwind"), "a neutral page");
        admin.clickAndWait("status:reactivate");
        assertEquals(200, new Http().get(host, "/login").statusCode());
    }
}
