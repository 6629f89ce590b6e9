package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.marque.portal.it.Deployments;
import io.marque.portal.it.Http;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * A prospective reseller applies on the provider's public host, follows its application through the
 * private link mailed to it (a real SMTP server, GreenMail, receives it), the provider admin approves it in
 * the console's application queue, and the new reseller answers at once on
 * {@code <short name>.<MARQUE_RESELLER_BASE_DOMAIN>} in its own brand; the applicant's page then says
 * approved with the admin's note, and the link of the earlier mail no longer works. The application pages
 * do not exist on a reseller's host.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class ResellerApplicationJourneyIT {

    static final String PROVIDER = "provider.localhost";
    static final String PASSWORD = "demo-password";
    static final int SMTP_PORT = Integer.parseInt(System.getProperty("marque.smtp.port", "3025"));
    /** The server under test reads the same variable; {@code ./marque test} leaves it unset. */
    static final String BASE_DOMAIN = System.getenv().getOrDefault("MARQUE_RESELLER_BASE_DOMAIN", "localhost");
    static final Pattern LINK = Pattern.compile("/application\\?token=([A-Za-z0-9_-]{20,})");

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
    void aProspectiveResellerAppliesAndTheProviderApprovesIt() throws Exception {
        assertEquals(404, new Http().get("acme.localhost", "/apply").statusCode(), "no application form on a reseller's host");
        assertEquals(404, new Http().get("acme.localhost", "/application?token=anything").statusCode());
        HttpResponse<String> form = new Http().get(PROVIDER, "/apply");
        assertEquals(200, form.statusCode());
        assertFalse(form.headers().firstValue("Set-Cookie").isPresent(), "the signed-out form makes no session");

        smtp = new GreenMail(ServerSetupTest.SMTP.createCopy("127.0.0.1").port(SMTP_PORT));
        smtp.start();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String slug = "zulu-" + unique;
        String business = "Zulu Hosting " + unique;
        String email = "zoe." + unique + "@applicant.example";

        Browser admin = browsers.open("provider-admin");
        assertEquals("/admin/", admin.signIn(PROVIDER, "admin@northwind.example", PASSWORD));
        admin.find(By.cssSelector(".m-nav a[href='/admin/program']")).click();
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("program:enabled")));
        // the program takes applications and leaves them to a reviewer
        if (!admin.byId("program:enabled").isSelected()) {
            admin.byId("program:enabled").click();
        }
        if (admin.byId("program:autoApprove").isSelected()) {
            admin.byId("program:autoApprove").click();
        }
        admin.clickAndWait("program:save");
        admin.assertNoErrorPage("saving the program settings");
        assertTrue(admin.find(By.id("messages")).getText().contains("saved"), admin.errors());

        Browser applicant = browsers.open("applicant");
        applicant.open(PROVIDER, "/apply");
        assertEquals("Become a reseller", applicant.heading());
        applicant.fillIn("businessName", business);
        applicant.fillIn("registrationNumber", "HRB " + unique);
        applicant.fillIn("taxId", "DE" + unique);
        applicant.fillIn("businessDescription", "We host online shops for small businesses.");
        applicant.fillIn("applicantName", "Zoe Zulu");
        applicant.fillIn("applicantEmail", email);
        applicant.fillIn("desiredSlug", slug);
        for (WebElement extra : applicant.driver().findElements(By.cssSelector("input[id^='extras:'][id$=':extra']"))) {
            extra.clear();
            extra.sendKeys("An answer " + unique);
        }
        applicant.clickAndWait("submit");
        applicant.assertNoErrorPage("sending the application");
        assertEquals(1, applicant.driver().findElements(By.id("apply-sent")).size(),
                "the application arrived; the page says: " + applicant.errors());

        MimeMessage received = await(email, m -> LINK.matcher(body(m)).find());
        assertTrue(from(received).contains("Northwind"),
                "the provider writes to its applicant in its own brand: " + from(received));
        String firstToken = token(received);
        applicant.open(PROVIDER, "/application?token=" + firstToken);
        assertEquals("Waiting for review", applicant.byId("application-status").getText());
        assertEquals(business, applicant.byId("application-business").getText());

        admin.find(By.cssSelector(".m-nav a[href='/admin/applications']")).click();
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("application-table")));
        admin.find(By.linkText(business)).click();
        admin.waiting().until(d -> admin.path().equals("/admin/application"));
        assertEquals(slug, admin.byId("application-slug").getText());
        assertEquals(slug + "." + BASE_DOMAIN, admin.byId("application-host").getText());
        admin.fillIn("review:note", "Welcome aboard, " + unique + ".");
        admin.clickAndWait("review:approve");
        admin.assertNoErrorPage("approving the application");
        assertEquals("Approved", admin.byId("application-status").getText(), admin.errors());
        assertEquals(1, admin.driver().findElements(By.id("application-reseller")).size(), "it links to the new reseller");

        String host = slug + "." + BASE_DOMAIN;
        HttpResponse<String> portal = new Http().get(host, "/login");
        assertEquals(200, portal.statusCode(), "the new reseller answers on its host at once");
        assertTrue(portal.body().contains(business), "in its own brand");
        assertFalse(portal.body().contains("Northwind"), "which names no provider");

        MimeMessage approved = await(email, m -> body(m).contains("Welcome aboard, " + unique));
        assertTrue(body(approved).contains(host), "the approval names the new portal");
        applicant.open(PROVIDER, "/application?token=" + token(approved));
        assertEquals("Approved", applicant.byId("application-status").getText());
        assertTrue(applicant.byId("review-note").getText().contains("Welcome aboard, " + unique));
        assertTrue(applicant.byId("application-portal").getText().contains(host));
        applicant.open(PROVIDER, "/application?token=" + firstToken);
        assertEquals(1, applicant.driver().findElements(By.id("application-invalid")).size(),
                "the first mail's link was replaced by the newest one");

        MimeMessage invitation = await(email, m -> from(m).contains(business));
        assertTrue(body(invitation).contains(host) && body(invitation).contains("/reset?token="),
                "the contact is invited to set its password on the new portal, in the new reseller's brand");
    }

    private MimeMessage await(String recipient, Predicate<MimeMessage> which) {
        return new FluentWait<>(smtp).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(250))
                .withMessage("a mail to " + recipient)
                .until(s -> Arrays.stream(s.getReceivedMessages()).filter(m -> recipients(m).contains(recipient))
                        .filter(which).reduce((first, second) -> second).orElse(null));
    }

    private static String token(MimeMessage mail) {
        Matcher link = LINK.matcher(body(mail));
        assertTrue(link.find(), "the mail links to the application");
        return link.group(1);
    }

    private static String body(MimeMessage mail) {
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

    private static String from(MimeMessage mail) {
        try {
            return ((InternetAddress) mail.getFrom()[0]).toUnicodeString();
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
}
