package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.it.Deployments;
import io.marque.portal.it.Http;
import io.marque.portal.it.infra.PowerDnsServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Acme's admin brings its own domain: adds the host and mail domain, reads the records to create (each
 * with a copy button, naming nothing of the provider), creates them in its DNS (a real PowerDNS, which
 * the portal is pointed at through WildFly's management API), checks, and sees the domain active, then
 * removes it after confirming. Bluebird's admin gets a 404 for Acme's domain; the provider's admin
 * sees it in the list of every reseller's domains.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class DomainJourneyIT {

    private static final String ACME = "acme.localhost";
    private static final String BLUEBIRD = "bluebird.localhost";
    private static final String PROVIDER = "provider.localhost";

    @RegisterExtension
    final Browser.Sessions browsers = new Browser.Sessions();

    @ArquillianResource
    ManagementClient management;

    private PowerDnsServer pdns;
    private final Map<String, String> properties = new java.util.LinkedHashMap<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void aDnsServerThePortalAsks() throws Exception {
        pdns = PowerDnsServer.start();
        pdns.createZone("acme-cloud.test.");
        pdns.createZone("portal-dns.test.");
        pdns.addRecord("edge.portal-dns.test.", "A", 60, "127.0.0.1");
        properties.put("marque.dns.resolvers", "127.0.0.1:" + pdns.dnsPort());
        properties.put("marque.dns.cname.target", "edge.portal-dns.test");
        properties.put("marque.dns.spf.include", "spf.portal-dns.test");
        for (Map.Entry<String, String> p : properties.entrySet()) {
            ModelNode add = Operations.createAddOperation(address(p.getKey()));
            add.get("value").set(p.getValue());
            execute(add);
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (String name : properties.keySet()) {
            execute(Operations.createRemoveOperation(address(name)));
        }
        pdns.close();
    }

    @Test
    void anAdminBringsItsOwnDomainAndSeesItProven() throws Exception {
        Browser admin = browsers.open("acme-admin");
        admin.signIn(ACME, "admin@acme.example", "demo-password");
        admin.open(ACME, "/reseller/domains");
        admin.assertNoErrorPage("opening the domains");
        admin.fillIn("claim:host", "support.acme-cloud.test");
        admin.fillIn("claim:mailDomain", "acme-cloud.test");
        admin.clickAndWait("claim:add");
        admin.assertNoErrorPage("adding a domain");
        assertEquals("", admin.errors());
        assertTrue(admin.path().startsWith("/reseller/domain"), admin.path());
        assertEquals("Waiting for proof", admin.byId("domain-status").getText());

        List<WebElement> rows = admin.driver().findElements(By.cssSelector("#record-table tbody tr"));
        assertEquals(5, rows.size(), "portal, ownership, SPF, DKIM, DMARC");
        for (WebElement row : rows) {
            assertTrue(row.getText().contains("Not found yet"), row.getText());
            assertEquals(2, row.findElements(By.cssSelector("button.m-copy")).size(), "a copy button for name and value");
            for (String word : List.of("Northwind", "northwind", "provider.localhost")) {
                assertFalse(row.getText().contains(word), "a record names the provider: " + row.getText());
            }
        }
        // the reseller creates the records exactly as shown
        for (WebElement row : rows) {
            String type = row.findElements(By.tagName("td")).get(1).getText();
            String name = row.findElement(By.cssSelector("code.record-name")).getText();
            String value = row.findElement(By.cssSelector("code.record-value")).getText();
            assertEquals(value, row.findElements(By.cssSelector("button.m-copy")).get(1).getAttribute("data-copy"),
                    "the copy button copies the value shown");
            pdns.addRecord(name + ".", type, 60, type.equals("CNAME") ? value + "." : PowerDnsServer.txt(value));
        }
        admin.clickAndWait("check");
        admin.assertNoErrorPage("checking");
        assertEquals("Active", admin.byId("domain-status").getText());
        for (WebElement row : admin.driver().findElements(By.cssSelector("#record-table tbody tr"))) {
            assertTrue(row.getText().contains("Found"), row.getText());
        }
        String url = admin.driver().getCurrentUrl();
        String id = url.substring(url.indexOf("id=") + 3).replaceAll("[^0-9].*", "");
        String domainPath = "/reseller/domain?id=" + id;

        Http bluebird = new Http();
        bluebird.signIn(BLUEBIRD, "admin@bluebird.example", "demo-password");
        HttpResponse<String> theirs = bluebird.get(BLUEBIRD, "/reseller/domain?id=" + id);
        assertEquals(404, theirs.statusCode(), "Acme's domain on Bluebird's portal");
        assertFalse(theirs.body().contains("acme-cloud"), "the 404 names nothing of Acme's");

        Browser provider = browsers.open("provider-admin");
        provider.signIn(PROVIDER, "admin@northwind.example", "demo-password");
        provider.open(PROVIDER, "/admin/domains");
        provider.assertNoErrorPage("the provider's domains");
        assertTrue(provider.byId("all-domains").getText().contains("support.acme-cloud.test"));

        admin.open(ACME, domainPath);
        admin.clickAndWait("remove");
        assertTrue(admin.byId("remove-confirm").getText().contains("support.acme-cloud.test"));
        admin.clickAndWait("confirm-remove");
        admin.assertNoErrorPage("removing");
        assertTrue(admin.path().startsWith("/reseller/domains"), admin.path());
        assertTrue(admin.driver().findElements(By.id("claim-table")).isEmpty(), "no domain of Acme's own is left");
    }


    private static ModelNode address(String property) {
        return Operations.createAddress("system-property", property);
    }

    private void execute(ModelNode operation) throws Exception {
        ModelNode result = management.getControllerClient().execute(operation);
        if (!Operations.isSuccessfulOutcome(result)) {
            throw new IllegalStateException(Operations.getFailureDescription(result).asString());
        }
    }
}
