package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.it.Deployments;
import io.marque.portal.it.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.Select;

/**
 * The reseller's side in Chromium on Acme: the admin adds a canned reply and a department on the
 * ticket settings page and refuses a bad mailbox; the agent answers Bob's demo ticket from the canned
 * reply (placeholders filled in), keeps an internal note, tags the ticket and finds it by the tag,
 * and attaches a file to a public answer; Bob reads the answer and downloads the file, never sees the
 * note, and nobody else can download it.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class ResellerTicketJourneyIT {

    static final String ACME = "acme.localhost";
    static final String PASSWORD = "demo-password";
    /** Bob's demo ticket: "Question about my invoice". */
    static final int BOBS_TICKET = 3;

    @RegisterExtension
    final Browser.Sessions browsers = new Browser.Sessions();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void anAgentAnswersFromACannedReplyKeepsANoteTagsAndAttachesAFile() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        Browser admin = browsers.open("admin");
        admin.signIn(ACME, "admin@acme.example", PASSWORD);
        admin.open(ACME, "/reseller/ticket-settings");
        admin.fillIn("canned:title", "Invoice answer " + unique);
        admin.fillIn("canned:body", "Hello {{customer.name}},\nabout ticket #{{ticket.number}}: " + unique);
        admin.clickAndWait("canned:save");
        admin.assertNoErrorPage("saving a canned reply");
        assertTrue(admin.find(By.id("canned-table")).getText().contains("Invoice answer " + unique), admin.errors());
        admin.fillIn("department:name", "Sales " + unique);
        admin.clickAndWait("department:add");
        assertTrue(admin.find(By.id("department-table")).getText().contains("Sales " + unique));
        admin.clickAndWait("settings:save");
        assertTrue(admin.find(By.id("messages")).getText().contains("saved"), "the settings save unchanged");

        admin.open(ACME, "/reseller/mailbox");
        admin.fillIn("mailbox:imapHost", "not a host name!");
        admin.byId("mailbox:save").click();
        admin.waiting().until(d -> !admin.errors().isEmpty());
        assertEquals("/reseller/mailbox", admin.path(), "a bad mail server is refused with a message: " + admin.errors());

        Path file = Files.createTempFile("invoice-", ".txt");
        Files.writeString(file, "Invoice 2026-11: 42.00 EUR " + unique);
        Browser agent = browsers.open("agent");
        agent.signIn(ACME, "agent@acme.example", PASSWORD);
        agent.open(ACME, "/reseller/ticket?n=" + BOBS_TICKET);
        new Select(agent.byId("reply:canned")).selectByVisibleText("Invoice answer " + unique);
        agent.clickAndWait("reply:insert");
        String draft = agent.byId("reply:body").getAttribute("value");
        assertTrue(draft.contains("Hello Bob Stone,") && draft.contains("about ticket #" + BOBS_TICKET + ": " + unique),
                "the placeholders are filled in: " + draft);
        agent.byId("reply:files").sendKeys(file.toAbsolutePath().toString());
        agent.clickAndWait("reply:send");
        agent.assertNoErrorPage("answering from a canned reply");

        agent.fillIn("reply:body", "internal " + unique + ": check the tariff change");
        new Select(agent.byId("reply:visibility")).selectByValue("RESELLER_NOTE");
        agent.clickAndWait("reply:send");
        assertTrue(agent.find(By.id("thread")).getText().contains("internal " + unique), "the note is in the thread");
        agent.fillIn("tags:tags", "billing vip-" + unique);
        agent.clickAndWait("tags:save");
        assertTrue(agent.byId("ticket-tags").getText().contains("vip-" + unique));
        agent.open(ACME, "/reseller/tickets?status=ANY&tag=vip-" + unique);
        assertEquals(1, agent.driver().findElements(By.cssSelector("#ticket-table tbody tr")).size(), "found by its tag");

        Browser bob = browsers.open("bob");
        bob.signIn(ACME, "bob@example.com", PASSWORD);
        bob.open(ACME, "/customer/ticket?n=" + BOBS_TICKET);
        String thread = bob.find(By.id("thread")).getText();
        assertTrue(thread.contains("about ticket #" + BOBS_TICKET + ": " + unique), "Bob reads the answer");
        assertFalse(bob.driver().getPageSource().contains("internal " + unique), "Bob never sees the note");
        String link = bob.find(By.cssSelector("a.m-file")).getAttribute("href");
        String path = URI.create(link).getPath();
        HttpResponse<String> download = get(bob, path);
        assertEquals(200, download.statusCode());
        assertEquals("Invoice 2026-11: 42.00 EUR " + unique, download.body());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        assertTrue(download.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));
        assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));

        Browser alice = browsers.open("alice");
        alice.signIn(ACME, "alice@example.com", PASSWORD);
        assertEquals(404, get(alice, path).statusCode(), "another customer cannot download Bob's file");
        assertEquals(404, get(alice, "/customer/ticket.pdf?n=" + BOBS_TICKET).statusCode(), "nor read his transcript");
        assertEquals(404, get(alice, "/customer/attachment/not-a-number").statusCode());
    }

    /** A GET with the browser's session, as a click on a link would send it. */
    private static HttpResponse<String> get(Browser browser, String path) throws Exception {
        Cookie sid = browser.driver().manage().getCookieNamed("sid");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Http.PORT + path))
                .header("Host", ACME + ":" + Http.PORT).header("Cookie", "sid=" + sid.getValue()).GET().build();
        return new Http().client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
