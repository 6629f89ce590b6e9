package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.marque.portal.it.Deployments;
import io.marque.portal.it.Http;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;

/**
 * The ticket journeys in Chromium on the demo hosts: Alice asks Acme with a file, Acme's agent answers
 * and escalates, Northwind's agent (on the provider's own host) sees only a pseudonym and answers
 * Alice under Acme's alias, resolves, and Alice reads, closes and rates; every mail on the way arrives
 * at a real SMTP server (GreenMail) from Acme's address only. Also: a disguised file is refused with a
 * message and changes nothing, and a mail queued while the SMTP server is down arrives once it is up,
 * exactly once.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class TicketJourneyIT {

    static final String ACME = "acme.localhost";
    static final String PROVIDER = "provider.localhost";
    static final String ALICE = "alice@example.com";
    static final String PASSWORD = "demo-password";
    static final int SMTP_PORT = Integer.parseInt(System.getProperty("marque.smtp.port", "3025"));

    @RegisterExtension
    final Browser.Sessions browsers = new Browser.Sessions();

    private GreenMail smtp;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aCustomerAsksTheResellerEscalatesAndTheProviderAnswersUnderTheAlias() throws Exception {
        startSmtp();
        String subject = "Journey " + UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("server-log-", ".txt");
        Files.writeString(file, "kernel: eth0 link down\n");

        Browser alice = browsers.open("alice");
        alice.signIn(ACME, ALICE, PASSWORD);
        alice.open(ACME, "/customer/new-ticket");
        alice.fillIn("ticket:subject", subject);
        new Select(alice.byId("ticket:priority")).selectByValue("HIGH");
        alice.fillIn("ticket:body", "My server lost its network.\n<script>alert('x')</script>");
        alice.byId("ticket:files").sendKeys(file.toAbsolutePath().toString());
        alice.clickAndWait("ticket:submit");
        alice.assertNoErrorPage("opening a ticket");
        assertEquals("/customer/ticket", alice.path(), "the new ticket's page: " + alice.errors());
        long number = Long.parseLong(URI.create(alice.driver().getCurrentUrl()).getQuery().replaceAll(".*n=(\\d+).*", "$1"));
        assertTrue(alice.find(By.id("ticket-subject")).getText().contains(subject));
        assertTrue(alice.find(By.id("thread")).getText().contains("<script>alert('x')</script>"), "script stays text");
        assertEquals(1, alice.driver().findElements(By.cssSelector("a.m-file")).size(), "the file is attached");

        MimeMessage ack = awaitMail(ALICE, "[#" + number + "]");
        assertEquals("support@acme.example", ((InternetAddress) ack.getFrom()[0]).getAddress());
        assertNoProvider("the acknowledgement", GreenMailUtil.getWholeMessage(ack));

        Browser agent = browsers.open("agent");
        agent.signIn(ACME, "agent@acme.example", PASSWORD);
        agent.open(ACME, "/reseller/tickets?queue=UNASSIGNED");
        agent.find(By.linkText(subject)).click();
        agent.waiting().until(d -> agent.path().equals("/reseller/ticket"));
        agent.clickAndWait("assign:take");
        assertTrue(agent.find(By.id("ticket-facts")).getText().contains("Arno Agent"), "assigned to the agent");
        agent.fillIn("reply:body", "Hello, we are checking.");
        agent.clickAndWait("reply:send");
        agent.assertNoErrorPage("answering");
        agent.fillIn("escalate:reason", "The switch port needs the data centre.");
        agent.byId("escalate:mayReply").click();
        agent.clickAndWait("escalate:submit");
        assertTrue(agent.byId("escalation-open").getText().contains("The switch port needs the data centre."));

        Browser provider = browsers.open("provider");
        provider.signIn(PROVIDER, "agent@northwind.example", PASSWORD);
        provider.open(PROVIDER, "/admin/escalations");
        WebElement row = provider.driver().findElements(By.cssSelector("#escalation-table tbody tr")).stream()
                .filter(r -> r.getText().contains(subject)).findFirst().orElseThrow(() -> new AssertionError("not queued"));
        assertTrue(row.getText().contains("Acme Cloud"), "the reseller is named");
        assertTrue(row.getText().matches("(?s).*Customer [0-9A-Z]{6}.*"), "the customer is a pseudonym: " + row.getText());
        row.findElement(By.linkText(subject)).click();
        provider.waiting().until(d -> provider.path().equals("/admin/escalation"));
        String escalationPage = provider.driver().getPageSource();
        assertFalse(escalationPage.contains("Alice") || escalationPage.contains(ALICE), "law 3: the customer stays unnamed");
        assertTrue(provider.find(By.id("thread")).getText().contains("The switch port needs the data centre."));
        provider.fillIn("reply:body", "The port is fixed; your server is back online.");
        new Select(provider.byId("reply:visibility")).selectByValue("PUBLIC");
        provider.clickAndWait("reply:send");
        provider.assertNoErrorPage("answering the customer");

        alice.open(ACME, "/customer/ticket?n=" + number);
        String thread = alice.find(By.id("thread")).getText();
        assertTrue(thread.contains("The port is fixed; your server is back online."), thread);
        assertTrue(thread.contains("Acme Cloud Support"), "the provider's answer carries Acme's alias: " + thread);
        assertNoProvider("Alice's ticket page", alice.driver().getPageSource());
        MimeMessage answer = awaitMail(ALICE, "The port is fixed");
        assertEquals("Acme Cloud <support@acme.example>", ((InternetAddress) answer.getFrom()[0]).toUnicodeString());
        String whole = GreenMailUtil.getWholeMessage(answer);
        assertNoProvider("the provider's answer by mail", whole);

        provider.fillIn("resolve:summary", "Switch port replaced.");
        provider.clickAndWait("resolve:submit");
        assertEquals("/admin/escalations", provider.path());
        agent.open(ACME, "/reseller/ticket?n=" + number);
        assertTrue(agent.find(By.id("thread")).getText().contains("Switch port replaced."), "the summary reaches Acme");
        assertTrue(agent.driver().findElements(By.id("escalation-open")).isEmpty(), "the ticket is Acme's again");

        alice.open(ACME, "/customer/ticket?n=" + number);
        alice.clickAndWait("state:close");
        alice.find(By.cssSelector("input[name='rating:stars'][value='5']")).click();
        alice.fillIn("rating:comment", "Fast and friendly.");
        alice.clickAndWait("rating:rate");
        assertTrue(alice.byId("ticket-rating").getText().startsWith("5"), "rated");

        HttpResponse<byte[]> pdf = download(alice, ACME, "/customer/ticket.pdf?n=" + number);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        assertEquals(404, download(alice, ACME, "/customer/ticket.pdf?n=" + (number + 100_000)).statusCode(),
                "a ticket that is not hers");
    }

    @Test
    void aDisguisedFileIsRefusedWithAClearMessageAndNoTicketIsOpened() throws Exception {
        String subject = "Disguised " + UUID.randomUUID().toString().substring(0, 8);
        Path fake = Files.createTempFile("photo-", ".png");
        Files.writeString(fake, "<html><body onload=alert(1)>not a picture</body></html>");
        Browser alice = browsers.open("alice");
        alice.signIn(ACME, ALICE, PASSWORD);
        alice.open(ACME, "/customer/new-ticket");
        alice.fillIn("ticket:subject", subject);
        alice.fillIn("ticket:body", "See the picture.");
        alice.byId("ticket:files").sendKeys(fake.toAbsolutePath().toString());
        alice.byId("ticket:submit").click();
        alice.waiting().until(d -> !alice.errors().isEmpty());
        assertTrue(alice.errors().contains("file name does not match its content"), alice.errors());
        assertEquals("/customer/new-ticket", alice.path());
        alice.open(ACME, "/customer/tickets?q=" + subject.split(" ")[1]);
        assertFalse(alice.driver().getPageSource().contains(subject), "no ticket was opened");
    }

    @Test
    void aMailQueuedWhileTheMailServerIsDownArrivesOnceItIsUpExactlyOnce() throws Exception {
        String subject = "Outage " + UUID.randomUUID().toString().substring(0, 8);
        Browser alice = browsers.open("alice");
        alice.signIn(ACME, ALICE, PASSWORD);
        alice.open(ACME, "/customer/new-ticket");
        alice.fillIn("ticket:subject", subject);
        alice.fillIn("ticket:body", "Sent while the mail server is down.");
        alice.clickAndWait("ticket:submit");
        assertEquals("/customer/ticket", alice.path());
        Thread.sleep(2_000); // the outbox tries (every 500 ms in the tests) and fails: nobody listens yet

        startSmtp();
        awaitMail(ALICE, subject);
        Thread.sleep(8_000); // long enough for any second delivery of the same row to show
        long copies = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subjectOf(m).contains(subject) && recipients(m).contains(ALICE)).count();
        assertEquals(1, copies, "the acknowledgement arrives exactly once");
    }

    private void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.createCopy("127.0.0.1").port(SMTP_PORT));
        smtp.start();
    }

    private MimeMessage awaitMail(String recipient, String text) {
        return new FluentWait<>(smtp).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(250))
                .withMessage("a mail to " + recipient + " with " + text)
                .until(mails -> Arrays.stream(mails.getReceivedMessages())
                        .filter(m -> recipients(m).contains(recipient)
                                && (subjectOf(m).contains(text) || GreenMailUtil.getBody(m).contains(text)))
                        .reduce((first, second) -> second).orElse(null));
    }

    private static void assertNoProvider(String where, String text) {
        for (String trace : List.of("Northwind", "northwind", "provider.localhost", "Niels", "WildFly", "Marque")) {
            assertFalse(text.contains(trace), where + " shows " + trace);
        }
    }

    /** Fetches a file with the browser's session, as a click on its link would. */
    private static HttpResponse<byte[]> download(Browser browser, String host, String path) throws Exception {
        Cookie sid = browser.driver().manage().getCookieNamed("sid");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Http.PORT + path))
                .header("Host", host + ":" + Http.PORT).header("Cookie", "sid=" + sid.getValue()).GET().build();
        return new Http().client().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject() == null ? "" : mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            return mail.getAllRecipients() == null ? List.of() : Arrays.stream(mail.getAllRecipients())
                    .map(a -> ((InternetAddress) a).getAddress()).toList();
        } catch (jakarta.mail.MessagingException e) {
            return List.of();
        }
    }
}
