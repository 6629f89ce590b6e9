package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.demo.DemoData;
import io.marque.portal.it.Deployments;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The provider admin runs its server inventory: finds a pool server and hands it to a reseller; imports
 * servers from CSV, where a file with one wrong line is refused as a whole with the line named, and a
 * good file lands in the list; and files an abuse report against the reseller's new server, which the
 * abuse list then shows.
 *
 * <p>Reruns against the same database do not collide: the imported server's host name and its address
 * in 198.19.0.0/16 (set aside for benchmarks, never routed) come from the current time; assigning the
 * pool server to Bluebird again changes nothing, and every run files a report of its own.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class ProviderServersJourneyIT {

    private static final String PROVIDER = "provider.localhost";
    private static final String POOL_SERVER = "pool-01.fra.example";
    private static final String HEADER = "hostname,cpu,ram_gb,disks,ipv4,ipv6,location,os,driver,rack,bmc_host,bmc_port,"
            + "bmc_user,bmc_password,upstream_id,monthly_cost,cost_currency";

    @RegisterExtension
    final Browser.Sessions browsers = new Browser.Sessions();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theProviderAssignsImportsAndReportsAbuse() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String imported = "imp-" + now + ".fra.example";
        String address = "198.19." + ((now >> 8) & 0xff) + "." + (now & 0xff);
        String otherAddress = "198.19." + ((now >> 8) & 0xff) + "." + ((now + 128) & 0xff);

        Browser admin = browsers.open("provider-admin");
        assertEquals("/admin/", admin.signIn(PROVIDER, "admin@northwind.example", DemoData.PASSWORD));

        // find the pool server and hand it to Bluebird
        admin.byId("nav-servers").click();
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("server-table")));
        admin.fillIn("q", "pool-01");
        admin.clickAndWait("search");
        admin.assertNoErrorPage("searching the inventory");
        assertTrue(admin.byId("server-table").getText().contains(POOL_SERVER), admin.byId("server-table").getText());
        admin.find(By.linkText(POOL_SERVER)).click();
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("server-hostname"), POOL_SERVER));
        admin.assertNoErrorPage("opening a server");
        String serverPage = admin.driver().getCurrentUrl();
        assertTrue(URI.create(serverPage).getQuery().startsWith("id="), serverPage);
        assertTrue(admin.byId("server-rack").getText().startsWith("FRA1-"), "the provider sees its internal data");

        new Select(admin.byId("assign:reseller")).selectByVisibleText("Bluebird Hosting");
        admin.clickAndWait("assign:submit");
        admin.assertNoErrorPage("assigning a server");
        assertEquals("", admin.errors());
        assertEquals("Bluebird Hosting", admin.byId("server-reseller").getText());

        // a file with one wrong line imports nothing and names the line
        Path bad = csv("bad-servers-", HEADER,
                line(imported, "8", address),
                line("imp-bad-" + now + ".fra.example", "lots", otherAddress));
        admin.open(PROVIDER, "/admin/servers-import");
        admin.byId("import:file").sendKeys(bad.toAbsolutePath().toString());
        admin.clickAndWait("import:submit");
        admin.assertNoErrorPage("importing a wrong file");
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-errors")));
        List<WebElement> errors = admin.driver().findElements(By.cssSelector("#import-errors tbody tr"));
        assertEquals(1, errors.size(), admin.byId("import-errors").getText());
        List<WebElement> cells = errors.get(0).findElements(By.tagName("td"));
        assertEquals("3", cells.get(0).getText(), "the third line of the file, after the header and the good line");
        assertEquals("ram_gb", cells.get(1).getText());
        assertTrue(!admin.errors().isEmpty(), "the page says nothing was imported");
        admin.open(PROVIDER, "/admin/servers?q=" + imported);
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("no-servers")));

        // the good line alone is imported and listed
        Path good = csv("good-servers-", HEADER, line(imported, "8", address));
        admin.open(PROVIDER, "/admin/servers-import");
        admin.byId("import:file").sendKeys(good.toAbsolutePath().toString());
        admin.clickAndWait("import:submit");
        admin.assertNoErrorPage("importing a good file");
        assertEquals("", admin.errors());
        assertEquals("/admin/servers", admin.path());
        assertTrue(admin.byId("messages").getText().contains("1 server was imported"), admin.byId("messages").getText());
        admin.fillIn("q", imported);
        admin.clickAndWait("search");
        assertTrue(admin.byId("server-table").getText().contains(imported), "the imported server is listed");
        assertTrue(admin.byId("server-table").getText().contains("Pool"), "an imported server starts in the pool");

        // an abuse report against the server that is Bluebird's now
        String evidence = "Port scans from " + POOL_SERVER + " reported at " + now;
        admin.driver().get(serverPage);
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("abuse:evidence")));
        admin.fillIn("abuse:evidence", evidence);
        assertEquals("48", admin.byId("abuse:deadline").getAttribute("value"), "the deadline is 48 hours unless changed");
        admin.clickAndWait("abuse:submit");
        admin.assertNoErrorPage("filing an abuse report");
        assertEquals("", admin.errors());
        assertEquals("/admin/abuse-report", admin.path());
        String reportId = URI.create(admin.driver().getCurrentUrl()).getQuery().replace("id=", "");
        assertTrue(admin.byId("report-evidence").getText().contains(evidence));
        assertEquals("Bluebird Hosting", admin.byId("report-reseller").getText());

        admin.byId("nav-abuse").click();
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("abuse-table")));
        WebElement row = admin.driver().findElements(By.cssSelector("#abuse-table tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().equals(reportId)).findFirst()
                .orElseThrow(() -> new AssertionError("report " + reportId + " is listed: "
                        + admin.byId("abuse-table").getText()));
        assertTrue(row.getText().contains(POOL_SERVER) && row.getText().contains("Bluebird Hosting")
                && row.getText().contains("Open"), row.getText());
    }

    /** One CSV line of a simulated server with the given host name, memory and address. */
    private static String line(String hostname, String ramGb, String ipv4) {
        return String.join(",", hostname, "4 vCPU", ramGb, "160 GB SSD", ipv4, "", "Frankfurt", "Debian 12", "simulated",
                "FRA1-R99-U01", "", "623", "", "", "NW-IMP-" + hostname.hashCode(), "41.50", "EUR");
    }

    private static Path csv(String prefix, String... lines) throws Exception {
        Path file = Files.createTempFile(prefix, ".csv");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }
}
