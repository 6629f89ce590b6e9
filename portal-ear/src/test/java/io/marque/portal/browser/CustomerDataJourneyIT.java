package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.it.Deployments;
import io.marque.portal.it.Http;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * A customer's data on request, on Acme: a new customer signs itself up and opens a ticket; Acme's admin
 * finds it in the customers list, follows its "Data" link and downloads the archive, which holds the
 * customer's account and ticket and no one else's; Acme's agent is refused the page (403) and Bluebird's
 * admin does not find it (404); the admin then erases the customer — a mistyped address is refused and
 * changes nothing, the right one erases: the list shows "Erased customer", the customer can no longer
 * sign in and its open session ends, and its ticket keeps its number but not its words.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class CustomerDataJourneyIT {

    private static final String ACME = "acme.localhost";
    private static final String BLUEBIRD = "bluebird.localhost";
    private static final String PASSWORD = "demo-password";

    @RegisterExtension
    final Browser.Sessions browsers = new Browser.Sessions();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void anAdminHandsACustomerItsDataThenErasesIt() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "carla-" + unique + "@example.org";
        String customerPassword = "carlas-password-" + unique;
        String subject = "Data request " + unique;
        String body = "Please send me everything you hold about me, " + unique + ".";

        // 1. a fresh customer, by Acme's open sign-up, with a ticket of its own
        Browser customer = browsers.open("customer");
        customer.open(ACME, "/signup");
        customer.assertNoErrorPage("opening the sign-up");
        customer.fillIn("name", "Carla " + unique);
        customer.fillIn("email", email);
        customer.fillIn("password", customerPassword);
        customer.clickAndWait("submit");
        assertEquals("/login", customer.path(), "signed up: " + customer.errors());
        assertEquals("/customer/", customer.signIn(ACME, email, customerPassword));
        customer.open(ACME, "/customer/new-ticket");
        customer.fillIn("ticket:subject", subject);
        customer.fillIn("ticket:body", body);
        customer.clickAndWait("ticket:submit");
        customer.assertNoErrorPage("opening a ticket");
        assertEquals("/customer/ticket", customer.path(), "the new ticket's page: " + customer.errors());
        long number = Long.parseLong(URI.create(customer.driver().getCurrentUrl()).getQuery().replaceAll(".*n=(\\d+).*", "$1"));

        // 2. the admin finds the customer and downloads its archive
        Browser admin = browsers.open("acme-admin");
        admin.signIn(ACME, "admin@acme.example", PASSWORD);
        admin.open(ACME, "/reseller/customers?q=" + email);
        row(admin, email).findElement(By.cssSelector("a.m-data-link")).click();
        admin.waiting().until(d -> admin.path().equals("/reseller/customer-data"));
        admin.assertNoErrorPage("opening the customer's data");
        long id = Long.parseLong(URI.create(admin.driver().getCurrentUrl()).getQuery().replaceAll(".*id=(\\d+).*", "$1"));
        assertEquals(email, admin.byId("customer-email").getText().strip());
        assertTrue(admin.driver().findElements(By.id("erased-note")).isEmpty(), "not erased yet");

        URI link = URI.create(admin.byId("download").getAttribute("href"));
        assertEquals("/reseller/customer-data.zip", link.getPath());
        assertEquals("id=" + id, link.getRawQuery());
        HttpResponse<byte[]> download = get(admin, ACME, "/reseller/customer-data.zip?id=" + id);
        assertEquals(200, download.statusCode());
        assertEquals("application/zip", download.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
        String disposition = download.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment;") && disposition.contains("customer-" + id + "-"), disposition);
        assertTrue(download.headers().firstValue("Cache-Control").orElse("").contains("no-store"), "personal data is not cached");
        Map<String, String> archive = unzip(download.body());
        assertTrue(archive.keySet().containsAll(List.of("customer.json", "tickets.json", "servers.json", "orders.json",
                "invoices.json", "balance.json", "activity.json")), "the archive's entries: " + archive.keySet());
        assertTrue(archive.get("customer.json").contains("\"" + email + "\""), archive.get("customer.json"));
        assertTrue(archive.get("customer.json").contains("Carla " + unique), archive.get("customer.json"));
        assertFalse(archive.get("customer.json").contains(customerPassword), "no password in the archive");
        assertTrue(archive.get("tickets.json").contains("\"" + subject + "\""), archive.get("tickets.json"));
        assertTrue(archive.get("tickets.json").contains(body), "the customer's own message: " + archive.get("tickets.json"));
        for (Map.Entry<String, String> entry : archive.entrySet()) {
            for (String other : List.of("bob@example.com", "alice@example.com", "Bob Stone", "Alice Martin",
                    "Northwind", "northwind.example", "provider.localhost")) {
                assertFalse(entry.getValue().contains(other), entry.getKey() + " holds " + other);
            }
        }

        // 3. only Acme's admins reach the customer's data: Acme's agent is refused, Bluebird's admin finds nothing
        Browser agent = browsers.open("acme-agent");
        agent.signIn(ACME, "agent@acme.example", PASSWORD);
        agent.open(ACME, "/reseller/customer-data?id=" + id);
        assertFalse(agent.driver().findElements(By.id("error-403")).isEmpty(), "the agent's page: " + agent.heading());
        assertFalse(agent.driver().getPageSource().contains(email), "the refusal shows nothing of the customer");
        assertEquals(403, get(agent, ACME, "/reseller/customer-data?id=" + id).statusCode());
        assertEquals(403, get(agent, ACME, "/reseller/customer-data.zip?id=" + id).statusCode());

        Browser bluebird = browsers.open("bluebird-admin");
        bluebird.signIn(BLUEBIRD, "admin@bluebird.example", PASSWORD);
        bluebird.open(BLUEBIRD, "/reseller/customer-data?id=" + id);
        assertFalse(bluebird.driver().findElements(By.id("error-404")).isEmpty(), "Bluebird's page: " + bluebird.driver().getCurrentUrl());
        assertFalse(bluebird.driver().getPageSource().contains(email), "the 404 shows nothing of Acme's customer");
        assertEquals(404, get(bluebird, BLUEBIRD, "/reseller/customer-data?id=" + id).statusCode());
        HttpResponse<byte[]> foreign = get(bluebird, BLUEBIRD, "/reseller/customer-data.zip?id=" + id);
        assertEquals(404, foreign.statusCode());
        assertFalse(new String(foreign.body(), StandardCharsets.UTF_8).contains(email));

        // 4. erasure: a mistyped address is refused and changes nothing
        admin.clickAndWait("erase-start");
        admin.assertNoErrorPage("asking to erase");
        assertTrue(admin.byId("erase-warning").getText().contains(email), admin.byId("erase-warning").getText());
        admin.fillIn("confirmation", "someone-else-" + unique + "@example.org");
        admin.clickAndWait("confirm-erase");
        admin.assertNoErrorPage("erasing with a wrong address");
        assertTrue(admin.errors().contains("Type the customer's e-mail address exactly to confirm."), admin.errors());
        assertFalse(admin.driver().findElements(By.id("confirm-erase")).isEmpty(), "the question is still asked");
        assertTrue(admin.driver().findElements(By.id("erased-note")).isEmpty(), "nothing was erased");
        assertEquals(email, admin.byId("customer-email").getText().strip());
        assertEquals(302, new Http().signIn(ACME, email, customerPassword).statusCode(), "the customer still signs in");
        customer.open(ACME, "/customer/");
        assertEquals("/customer/", customer.path(), "and its open session goes on");

        // the right address erases
        admin.fillIn("confirmation", email);
        admin.clickAndWait("confirm-erase");
        admin.assertNoErrorPage("erasing the customer");
        assertEquals("", admin.errors(), "erased without a refusal");
        assertEquals("/reseller/customer-data", admin.path());
        assertTrue(admin.find(By.cssSelector(".m-messages .m-info")).getText().contains("The customer is erased."),
                admin.find(By.cssSelector(".m-messages .m-info")).getText());
        assertTrue(admin.byId("erased-note").isDisplayed());
        assertTrue(admin.driver().findElements(By.id("erase-start")).isEmpty(), "nothing left to erase");
        assertEquals("erased-" + id + "@invalid", admin.byId("customer-email").getText().strip());

        admin.open(ACME, "/reseller/customers?q=" + email);
        assertFalse(admin.driver().findElements(By.id("no-customers")).isEmpty(), "the address is gone from the list");
        admin.open(ACME, "/reseller/customers?q=erased-" + id + "@invalid");
        String erasedRow = row(admin, "erased-" + id + "@invalid").getText();
        assertTrue(erasedRow.contains("Erased customer") && erasedRow.contains("Disabled"), erasedRow);
        assertFalse(erasedRow.contains("Carla"), erasedRow);

        // the customer can no longer sign in, and the session it had open has ended
        Browser again = browsers.open("customer-again");
        AssertionError refused = assertThrows(AssertionError.class, () -> again.signIn(ACME, email, customerPassword));
        assertTrue(refused.getMessage().contains("was refused"), refused.getMessage());
        assertEquals(200, new Http().signIn(ACME, email, customerPassword).statusCode(), "the sign-in page again");
        customer.open(ACME, "/customer/");
        assertEquals("/login", customer.path(), "the erased customer's session ended");

        // its ticket keeps its number, not its words
        admin.open(ACME, "/reseller/ticket?n=" + number);
        admin.assertNoErrorPage("opening the erased customer's ticket");
        String heading = admin.byId("ticket-subject").getText();
        assertTrue(heading.contains("#" + number) && heading.contains("[erased]"), heading);
        assertFalse(admin.driver().getPageSource().contains(subject), "the subject is gone");
        assertFalse(admin.driver().getPageSource().contains(body), "the message is gone");
        admin.open(ACME, "/reseller/tickets?status=ANY&customer=" + id);
        WebElement listed = admin.find(By.cssSelector("a.ticket-link[href$='n=" + number + "']"));
        assertEquals("[erased]", listed.getText().strip());
        assertFalse(admin.driver().getPageSource().contains(subject), "nor in the tickets list");

        // an archive made now names the customer nowhere, and its ticket has lost its words
        HttpResponse<byte[]> after = get(admin, ACME, "/reseller/customer-data.zip?id=" + id);
        assertEquals(200, after.statusCode());
        Map<String, String> erased = unzip(after.body());
        for (Map.Entry<String, String> entry : erased.entrySet()) {
            for (String gone : List.of(email, "Carla " + unique)) {
                assertFalse(entry.getValue().contains(gone), entry.getKey() + " still holds " + gone);
            }
        }
        // the subject is gone from the tickets and from the activity log's "ticket.opened" entry that quoted it
        assertFalse(erased.get("tickets.json").contains(subject), erased.get("tickets.json"));
        assertFalse(erased.get("activity.json").contains(subject), erased.get("activity.json"));
        assertFalse(erased.get("tickets.json").contains(body), erased.get("tickets.json"));
        assertTrue(erased.get("tickets.json").contains("[erased]"), erased.get("tickets.json"));
    }

    /** Fetches a URL with the browser's session, as a click on its link would. */
    private static HttpResponse<byte[]> get(Browser browser, String host, String path) throws Exception {
        Cookie sid = browser.driver().manage().getCookieNamed("sid");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Http.PORT + path))
                .header("Host", host + ":" + Http.PORT).header("Cookie", "sid=" + sid.getValue()).GET().build();
        return new Http().client().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Each entry of a ZIP as text (a PDF's bytes read as UTF-8 are still searchable for an address). */
    private static Map<String, String> unzip(byte[] bytes) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertFalse(entries.isEmpty(), "the download is a ZIP with entries");
        return entries;
    }

    private static WebElement row(Browser browser, String email) {
        return browser.driver().findElements(By.cssSelector("#customer-table tbody tr")).stream()
                .filter(r -> r.getText().contains(email)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + email));
    }
}
