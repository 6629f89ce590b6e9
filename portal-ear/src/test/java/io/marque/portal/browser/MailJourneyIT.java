package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.marque.portal.it.Deployments;
import io.marque.portal.it.Http;
import jakarta.mail.Header;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;

/**
 * The ticket journey by mail, end to end over the real wire: Alice mails Acme's support address (a
 * mail server pipes it to {@code POST /mail/inbound}), Acme's agent answers and escalates in Chromium,
 * Northwind's agent answers Acme and then Alice, Alice answers by replying to that mail (its
 * {@code Reply-To} and thread headers, with the quoted history below), and Northwind resolves. Every
 * mail Alice receives arrives at a real SMTP server (GreenMail) and is read whole: from Acme only,
 * threaded, answerable into the ticket, nothing of the provider. The endpoint refuses a wrong token and
 * does not exist on the provider's host; a mail piped twice lands once.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class MailJourneyIT {

    static final String ACME = "acme.localhost";
    static final String ALICE = "alice@example.com";
    static final String PASSWORD = "demo-password";
    static final int SMTP_PORT = Integer.parseInt(System.getProperty("marque.smtp.port", "3025"));
    /** {@code MARQUE_INBOUND_TOKEN} of the server under test ({@code ./marque test} sets it). */
    static final String TOKEN = System.getenv().getOrDefault("MARQUE_INBOUND_TOKEN", "");
    static final List<String> PROVIDER_TRACES = List.of("Northwind", "northwind", "provider.localhost", "Niels",
            "WildFly", "Marque");

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
    void aCustomerMailsInTheResellerAndTheProviderAnswerAndTheCustomerRepliesByMail() throws Exception {
        assertFalse(TOKEN.isBlank(), "the server under test needs MARQUE_INBOUND_TOKEN");
        smtp = new GreenMail(ServerSetupTest.SMTP.createCopy("127.0.0.1").port(SMTP_PORT));
        smtp.start();
        String unique = UUID.randomUUID().toString().substring(0, 8);

        String first = mail("From: Alice Martin <" + ALICE + ">", "To: Acme Support <support@acme.example>",
                "Subject: Mailed in " + unique, "Message-ID: <in-" + unique + "@alice.example>", "",
                "My backups stopped on the 3rd. " + unique);
        assertEquals(401, pipe(ACME, first, "not-the-token").statusCode(), "a wrong token is refused");
        assertEquals(404, pipe("provider.localhost", first, TOKEN).statusCode(), "no such endpoint for the provider");
        HttpResponse<String> opened = pipe(ACME, first, TOKEN);
        assertEquals(202, opened.statusCode());
        assertTrue(opened.body().contains("TICKET_OPENED"), opened.body());
        assertTrue(pipe(ACME, first, TOKEN).body().contains("DUPLICATE"), "the same mail piped twice lands once");

        MimeMessage ack = await("Mailed in " + unique);
        checkFromAcme(ack);
        Matcher number = Pattern.compile("\\[#(\\d+)]").matcher(ack.getSubject());
        assertTrue(number.find(), ack.getSubject());
        long n = Long.parseLong(number.group(1));

        Browser agent = browsers.open("agent");
        agent.signIn(ACME, "agent@acme.example", PASSWORD);
        agent.open(ACME, "/reseller/ticket?n=" + n);
        assertTrue(agent.find(By.id("thread")).getText().contains("My backups stopped on the 3rd. " + unique));
        agent.fillIn("reply:body", "We are looking at the backup job. " + unique);
        agent.clickAndWait("reply:send");
        MimeMessage answer = await("We are looking at the backup job. " + unique);
        checkFromAcme(answer);
        agent.fillIn("escalate:reason", "The backup storage belongs to the data centre.");
        agent.byId("escalate:mayReply").click();
        agent.clickAndWait("escalate:submit");

        Browser provider = browsers.open("provider");
        provider.signIn("provider.localhost", "agent@northwind.example", PASSWORD);
        provider.open("provider.localhost", "/admin/escalations");
        provider.find(By.linkText("Mailed in " + unique)).click();
        provider.waiting().until(d -> provider.path().equals("/admin/escalation"));
        provider.fillIn("reply:body", "Storage node replaced for the reseller. " + unique);
        provider.clickAndWait("reply:send");
        provider.fillIn("reply:body", "Your backups run again since 10:00. " + unique);
        new Select(provider.byId("reply:visibility")).selectByValue("PUBLIC");
        provider.clickAndWait("reply:send");
        MimeMessage fromProvider = await("Your backups run again since 10:00. " + unique);
        checkFromAcme(fromProvider);
        assertTrue(GreenMailUtil.getBody(fromProvider).contains("Acme Cloud Support"), "under Acme's alias");
        assertTrue(received().stream().anyMatch(m -> recipients(m).contains("agent@acme.example")
                && decodedBody(m).contains("Storage node replaced for the reseller. " + unique)), "Acme hears of it");
        assertFalse(received().stream().anyMatch(m -> recipients(m).contains(ALICE)
                && decodedBody(m).contains("Storage node replaced for the reseller. " + unique)),
                "the escalation thread never reaches Alice");

        String replyTo = ((InternetAddress) fromProvider.getReplyTo()[0]).getAddress();
        String reply = mail("From: " + ALICE, "To: " + replyTo, "Subject: Re: " + fromProvider.getSubject(),
                "In-Reply-To: " + fromProvider.getMessageID(), "References: " + fromProvider.getMessageID(),
                "Message-ID: <re-" + unique + "@alice.example>", "",
                "Thank you, they run. " + unique, "", "On Wed, 25 Nov 2026 at 10:05, Acme Cloud <" + replyTo + "> wrote:",
                "> Your backups run again since 10:00.");
        HttpResponse<String> added = pipe(ACME, reply, TOKEN);
        assertTrue(added.body().contains("ADDED"), added.body());

        provider.fillIn("resolve:summary", "Storage replaced; backups verified.");
        provider.clickAndWait("resolve:submit");
        agent.open(ACME, "/reseller/ticket?n=" + n);
        String thread = agent.find(By.id("thread")).getText();
        assertTrue(thread.contains("Thank you, they run. " + unique), "the mailed answer is on the ticket");
        assertFalse(thread.contains("> Your backups run again"), "without the quoted history");
        assertTrue(thread.contains("Storage replaced; backups verified."), "the provider's summary reaches Acme");

        Browser alice = browsers.open("alice");
        alice.signIn(ACME, ALICE, PASSWORD);
        alice.open(ACME, "/customer/ticket?n=" + n);
        String hers = alice.find(By.id("thread")).getText();
        assertTrue(hers.contains("Your backups run again since 10:00. " + unique) && hers.contains("Thank you, they run."));
        assertFalse(hers.contains("Storage node replaced") || hers.contains("The backup storage belongs"),
                "Alice reads neither the escalation nor its reason");
        for (MimeMessage mail : received()) {
            if (recipients(mail).contains(ALICE) && GreenMailUtil.getWholeMessage(mail).contains(unique)) {
                checkFromAcme(mail);
            }
        }
    }

    /** A mail to Alice: from Acme's support address, answerable into its ticket, threaded, no provider. */
    private static void checkFromAcme(MimeMessage mail) throws Exception {
        assertEquals("Acme Cloud <support@acme.example>", ((InternetAddress) mail.getFrom()[0]).toUnicodeString());
        assertTrue(((InternetAddress) mail.getReplyTo()[0]).getAddress().matches("support\\+[a-z0-9]{24}@acme\\.example"),
                "Reply-To carries the ticket's token on Acme's domain");
        assertTrue(mail.getMessageID().endsWith("@acme.localhost>"), mail.getMessageID());
        StringBuilder all = new StringBuilder(GreenMailUtil.getWholeMessage(mail));
        for (Header header : Collections.list(mail.getAllHeaders())) {
            all.append('\n').append(MimeUtility.decodeText(MimeUtility.unfold(header.getValue())));
        }
        all.append('\n').append(GreenMailUtil.getBody(mail));
        for (String trace : PROVIDER_TRACES) {
            assertFalse(all.toString().contains(trace), "a mail to Alice shows " + trace + ":\n" + all);
        }
    }

    private MimeMessage await(String text) {
        return new FluentWait<>(smtp).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(250))
                .withMessage("a mail to " + ALICE + " with " + text)
                .until(s -> received().stream().filter(m -> recipients(m).contains(ALICE))
                        .filter(m -> subject(m).contains(text) || decodedBody(m).contains(text)).findFirst().orElse(null));
    }

    private List<MimeMessage> received() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    private static String decodedBody(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(multipart.getBodyPart(i).getContent()).append('\n');
                }
                return text.toString();
            }
            return String.valueOf(content);
        } catch (Exception e) {
            return "";
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject() == null ? "" : mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            return mail.getAllRecipients() == null ? List.of()
                    : Arrays.stream(mail.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress()).toList();
        } catch (jakarta.mail.MessagingException e) {
            return List.of();
        }
    }

    private static String mail(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    /** What a mail server's pipe does: the raw mail to the host the support address belongs to. */
    private static HttpResponse<String> pipe(String host, String raw, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Http.PORT + "/mail/inbound"))
                .header("Host", host + ":" + Http.PORT).header("Authorization", "Bearer " + token)
                .header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofString(raw, StandardCharsets.UTF_8)).build();
        return new Http().client().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
