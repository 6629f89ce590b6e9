package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.marque.portal.it.Deployments;
import io.marque.portal.it.Forbidden;
import io.marque.portal.it.Http;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;
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

/**
 * Law 2, brand containment: nothing an end customer of a reseller can observe names the provider, the
 * product or the software underneath. For every reseller host, every page a customer reaches signed out
 * and signed in (in the site's language and in Russian), every asset those pages load, and the
 * password-reset mail are read whole: bodies, every response header, every cookie, every asset URL,
 * every mail header and both mail bodies. Later features add their pages to the lists below.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class BrandLeakIT {

    /**
     * What no reseller's customer may ever see (matched ignoring case): the demo provider's name, host and
     * server inventory, the application server underneath, and the product's own name — the fixed part of
     * {@link Forbidden}, since this test runs outside the server and cannot read the data; the in-server
     * sweeps (BrandCrawlIT, BrandMailIT, BrandApiIT) add the words read from the data. The UI library is not
     * listed: its resources are served under its own library name ({@code ln=primefaces}) on the reseller's
     * host, which names no provider (law 2 is about the provider), and no component could be used without it.
     */
    static final List<String> FORBIDDEN = java.util.stream.Stream.concat(Forbidden.FIXED_PROVIDER.stream(),
            Forbidden.SERVER_BANNERS.stream()).toList();

    /** The reseller sites of the demo, each with a customer account and whether customers may sign up there. */
    static final List<Site> SITES = List.of(
            new Site("acme.localhost", "acme.localhost", "Acme Cloud", "support@acme.example", true,
                    "alice@example.com", "demo-password"),
            new Site("support.acme.localhost", "acme.localhost", "Acme Cloud", "support@acme.example", true,
                    "alice@example.com", "demo-password"),
            new Site("bluebird.localhost", "bluebird.localhost", "Bluebird Hosting", "support@bluebird.example", false,
                    "alice@example.com", "bluebird-password"));

    /** Pages anyone can open signed out, with the status they end on after the site's own redirects. */
    static final List<Page> SIGNED_OUT_PAGES = List.of(
            Page.of("/", 200),                               // to the sign-in page
            Page.of("/login", 200),
            Page.of("/forgot", 200),
            Page.of("/reset?token=invalid", 200),            // "this link is not valid"
            new Page("/signup", site -> site.signUpOpen() ? 200 : 404),
            Page.of("/no-such-page", 404),                   // the tenant's own 404 page
            Page.of("/.well-known/acme-challenge/no-such-token", 404), // what a CA (or anyone) finds there
            Page.of("/language?lang=ru&back=/login", 200));  // the switcher, back to sign-in

    /** Pages a signed-in customer can open. */
    static final List<Page> CUSTOMER_PAGES = List.of(
            Page.of("/", 200),                               // to the dashboard
            Page.of("/customer/", 200),
            Page.of("/customer/profile", 200),
            Page.of("/customer/tickets", 200),
            Page.of("/customer/tickets?status=ACTIVE&q=backup", 200),
            Page.of("/customer/new-ticket", 200),
            Page.of("/customer/ticket?n=1", 200),            // each demo Alice has ticket 1
            new Page("/customer/ticket?n=2", site -> site.primaryHost().equals("acme.localhost") ? 200 : 404),
            Page.of("/customer/ticket?n=999999", 404),       // the tenant's own 404
            Page.of("/customer/servers", 200),               // each demo Alice has a server; their pages follow
            Page.of("/customer/server?id=999999999", 404),
            Page.of("/customer/server", 404),
            Page.of("/customer/billing", 200),               // each demo Alice has an invoice; its page and PDF follow
            Page.of("/customer/invoice?id=999999999", 404),
            Page.of("/customer/invoice", 404),
            Page.of("/customer/invoice-pdf?id=999999999", 404));

    /** The port GreenMail listens on; the server under test sends to it ({@code MARQUE_SMTP_PORT}). */
    static final int SMTP_PORT = Integer.parseInt(System.getProperty("marque.smtp.port", "3025"));
    /** Links in mails carry the public port ({@code MARQUE_PUBLIC_PORT}), not the test server's. */
    static final String PUBLIC_PORT = System.getenv("MARQUE_PUBLIC_PORT");
    static final String DEMO_PASSWORD = "demo-password";

    record Site(String host, String primaryHost, String brandName, String supportAddress, boolean signUpOpen,
            String customerEmail, String customerPassword) {

        /** The site as links in its mails name it. */
        String publicBase() {
            return "http://" + primaryHost + (PUBLIC_PORT == null || PUBLIC_PORT.isBlank() ? "" : ":" + PUBLIC_PORT);
        }
    }

    record Page(String path, ToIntFunction<Site> expectedStatus) {
        static Page of(String path, int status) {
            return new Page(path, site -> status);
        }
    }

    @RegisterExtension
    final Browser.Sessions browsers = new Browser.Sessions();

    /** Alice's password on Acme while a test has changed it; null when there is nothing to put back. */
    private String alicePassword;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theCheckSeesTheProviderWhereItBelongs() throws Exception {
        // the provider's own sign-in page names the provider: proof that the scan below would see a leak
        Scan scan = new Scan();
        scan.page(new Http(), "provider.localhost", "Northwind Hosting", "/login", 200);
        assertTrue(scan.findings.stream().anyMatch(f -> f.contains("\"Northwind\"")),
                "the scan finds the provider's name on the provider's page: " + scan.findings);
    }

    @Test
    void noPageHeaderCookieOrAssetOfAResellerNamesTheProvider() throws Exception {
        Scan scan = new Scan();
        for (Site site : SITES) {
            Http visitor = new Http();
            Http russian = new Http();
            HttpResponse<String> switched = russian.get(site.host(), "/language?lang=ru&back=/");
            scan.response(site.host() + " /language", switched);
            assertTrue(russian.get(site.host(), "/login").body().contains("lang=\"ru\""),
                    site.host() + ": the second visitor reads the site in Russian");
            for (Page page : SIGNED_OUT_PAGES) {
                scan.page(visitor, site, page);
                scan.page(russian, site, page);
            }
            HttpResponse<String> sent = forgot(site.host(), "nobody-" + UUID.randomUUID() + "@example.com");
            scan.response(site.host() + " POST /forgot", sent);
            scan.htmlPage(visitor, site.host(), site.brandName(), "/forgot", sent.body());
            HttpResponse<String> refused = new Http().signIn(site.host(), "nobody-" + UUID.randomUUID() + "@example.com",
                    "wrong-password");
            assertEquals(200, refused.statusCode(), site.host() + ": a refused sign-in stays on the page");
            scan.response(site.host() + " refused sign-in", refused);
            scan.htmlPage(visitor, site.host(), site.brandName(), "/login", refused.body());

            Http customer = new Http();
            HttpResponse<String> signedIn = customer.signIn(site.host(), site.customerEmail(), site.customerPassword());
            assertEquals(302, signedIn.statusCode(), site.host() + ": " + site.customerEmail() + " signs in");
            scan.response(site.host() + " sign-in", signedIn);
            for (Page page : CUSTOMER_PAGES) {
                scan.page(customer, site, page);
            }
            for (String path : serverPages(customer, site)) {
                scan.page(customer, site.host(), site.brandName(), path, 200);
            }
            invoices(customer, site, scan);
            scan.cookies(site.host(), visitor, russian, customer);
        }
        assertTrue(scan.assets.size() >= 3 * SITES.size(),
                "the scan loaded every site's stylesheets and logo: " + scan.assets);
        assertEquals(List.of(), scan.findings, "customers of resellers can see:\n" + String.join("\n", scan.findings));
    }

    @Test
    void passwordResetMailsNameOnlyTheResellerAndTheirLinksWork() throws Exception {
        Site acme = SITES.get(0);
        Site bluebird = SITES.get(2);
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.createCopy("127.0.0.1").port(SMTP_PORT));
        smtp.start();
        String acmeToken;
        String bluebirdToken;
        Scan scan = new Scan();
        try {
            for (Site site : List.of(acme, bluebird)) {
                HttpResponse<String> sent = forgot(site.host(), site.customerEmail());
                assertTrue(sent.body().contains("id=\"forgot-sent\""), site.host() + ": the page confirms the request");
            }
            acmeToken = checkMail(awaitMail(smtp, acme), acme, scan);
            bluebirdToken = checkMail(awaitMail(smtp, bluebird), bluebird, scan);
        } finally {
            smtp.stop();
        }
        assertEquals(List.of(), scan.findings, "the reset mails show:\n" + String.join("\n", scan.findings));

        // law 1: a link works only on the tenant that sent it
        assertTrue(resetPage(acme.host(), bluebirdToken).contains("id=\"reset-invalid\""), "Bluebird's link on Acme");
        assertTrue(resetPage(bluebird.host(), acmeToken).contains("id=\"reset-invalid\""), "Acme's link on Bluebird");
        assertTrue(resetPage(bluebird.host(), bluebirdToken).contains("id=\"confirmation\""), "Bluebird's link on Bluebird");

        // follow Acme's link in a browser (on the test server's port, not the public one)
        String temporary = "fresh-" + UUID.randomUUID().toString().substring(0, 12);
        Browser alice = browsers.open("alice");
        alice.open(acme.host(), "/reset?token=" + acmeToken);
        assertEquals("Choose a new password", alice.heading());
        alice.fillIn("password", temporary);
        alice.fillIn("confirmation", temporary);
        alicePassword = temporary; // from here on, put it back after the test
        alice.clickAndWait("submit");
        alice.assertNoErrorPage("setting a new password");
        assertTrue(alice.driver().findElements(By.id("reset-done")).size() == 1,
                "the password is set; the page says: " + alice.errors());
        assertTrue(resetPage(acme.host(), acmeToken).contains("id=\"reset-invalid\""), "the link works once");
        assertEquals(302, new Http().signIn(acme.host(), acme.customerEmail(), temporary).statusCode(),
                "the new password opens Alice's account");

        // and back to the demo password, through the profile (a second reset mail within a minute is not sent)
        assertEquals("/customer/", alice.signIn(acme.host(), acme.customerEmail(), temporary));
        changePassword(alice, temporary, DEMO_PASSWORD);
        alice.assertNoErrorPage("changing the password back");
        assertTrue(alice.find(By.id("messages")).getText().contains("Your password is changed"),
                "confirmation: " + alice.find(By.id("messages")).getText());
        assertEquals(302, new Http().signIn(acme.host(), acme.customerEmail(), DEMO_PASSWORD).statusCode(),
                "Alice's demo password is back");
        alicePassword = null;
    }

    /**
     * The ticket mails a customer receives (the acknowledgement of a new ticket, and an answer written by
     * the provider's agent on the provider's own host) and the ticket's PDF transcript, read whole: every
     * mail header and body, the PDF's text and its metadata.
     */
    @Test
    void ticketMailsAndTranscriptsNameOnlyTheReseller() throws Exception {
        Site acme = SITES.get(0);
        String subject = "Leak check " + UUID.randomUUID().toString().substring(0, 8);
        String answer = "Answered by the provider " + UUID.randomUUID().toString().substring(0, 8);
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.createCopy("127.0.0.1").port(SMTP_PORT));
        smtp.start();
        Scan scan = new Scan();
        try {
            Browser alice = browsers.open("alice");
            alice.signIn(acme.host(), acme.customerEmail(), acme.customerPassword());
            alice.open(acme.host(), "/customer/new-ticket");
            alice.fillIn("ticket:subject", subject);
            alice.fillIn("ticket:body", "Checking what the mails show.");
            alice.clickAndWait("ticket:submit");
            alice.assertNoErrorPage("opening a ticket");

            // the demo's escalated ticket 2 lets the provider answer Alice: Northwind's agent does
            Browser provider = browsers.open("provider");
            provider.signIn("provider.localhost", "agent@northwind.example", DEMO_PASSWORD);
            provider.open("provider.localhost", "/admin/escalations");
            provider.find(By.linkText("A second IPv4 address for web-01")).click();
            provider.waiting().until(d -> provider.path().equals("/admin/escalation"));
            provider.fillIn("reply:body", answer);
            new org.openqa.selenium.support.ui.Select(provider.byId("reply:visibility")).selectByValue("PUBLIC");
            provider.clickAndWait("reply:send");
            provider.assertNoErrorPage("answering Alice");

            for (String wanted : List.of(subject, answer)) {
                MimeMessage mail = new FluentWait<>(smtp).withTimeout(Duration.ofSeconds(60))
                        .pollingEvery(Duration.ofMillis(200)).withMessage("a ticket mail with " + wanted)
                        .until(mails -> Arrays.stream(mails.getReceivedMessages())
                                .filter(m -> addresses(m, Message.RecipientType.TO).contains(acme.customerEmail())
                                        && GreenMailUtil.getWholeMessage(m).contains(wanted.split(" ")[0]))
                                .filter(m -> bodyText(m).contains(wanted) || subjectOf(m).contains(wanted))
                                .findFirst().orElse(null));
                String where = "ticket mail \"" + wanted + "\"";
                scan.text(where + " (raw)", GreenMailUtil.getWholeMessage(mail));
                for (Header header : Collections.list(mail.getAllHeaders())) {
                    scan.text(where + " header " + header.getName(), MimeUtility.decodeText(MimeUtility.unfold(header.getValue())));
                }
                scan.text(where + " bodies", bodyText(mail));
                assertEquals(List.of(acme.brandName() + " <" + acme.supportAddress() + ">"), unicode(mail.getFrom()), where);
                assertTrue(((InternetAddress) mail.getReplyTo()[0]).getAddress().endsWith("@acme.example"), where + " Reply-To");
                assertTrue(mail.getMessageID().endsWith("@" + acme.primaryHost() + ">"), where + " Message-ID");
            }

            Http http = new Http();
            assertEquals(302, http.signIn(acme.host(), acme.customerEmail(), acme.customerPassword()).statusCode());
            HttpResponse<byte[]> pdf = http.client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Http.PORT
                    + "/customer/ticket.pdf?n=2")).header("Host", acme.host() + ":" + Http.PORT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            scan.headers("transcript", pdf.headers());
            scan.text("transcript bytes", new String(pdf.body(), StandardCharsets.ISO_8859_1));
            com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.body());
            reader.getInfo().forEach((key, value) -> scan.text("transcript metadata " + key, value));
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            scan.text("transcript text", text);
            assertTrue(text.contains(acme.brandName()), "the transcript is in Acme's brand");
        } finally {
            smtp.stop();
        }
        assertEquals(List.of(), scan.findings, "a customer's ticket mails and PDF show:\n" + String.join("\n", scan.findings));
    }

    /**
     * The mail a customer gets when its server is reinstalled, read whole: headers and both bodies name
     * only the reseller, and no server's internal data (rack, BMC, upstream id) is in it.
     */
    @Test
    void serverMailsNameOnlyTheReseller() throws Exception {
        Site acme = SITES.get(0);
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.createCopy("127.0.0.1").port(SMTP_PORT));
        smtp.start();
        Scan scan = new Scan();
        try {
            Browser alice = browsers.open("alice");
            alice.signIn(acme.host(), acme.customerEmail(), acme.customerPassword());
            alice.open(acme.host(), "/customer/servers");
            alice.find(By.linkText("db-01.martin-web.example")).click();
            alice.waiting().until(d -> alice.path().equals("/customer/server"));
            new org.openqa.selenium.support.ui.Select(alice.byId("template")).selectByVisibleText("Rocky Linux 9");
            alice.clickAndWait("reinstall-next");
            alice.clickAndWait("reinstall-confirm");
            alice.assertNoErrorPage("reinstalling db-01");

            MimeMessage mail = new FluentWait<>(smtp).withTimeout(Duration.ofSeconds(90))
                    .pollingEvery(Duration.ofMillis(200)).withMessage("the reinstall mail")
                    .until(mails -> Arrays.stream(mails.getReceivedMessages())
                            .filter(m -> addresses(m, Message.RecipientType.TO).contains(acme.customerEmail())
                                    && subjectOf(m).contains("db-01.martin-web.example"))
                            .findFirst().orElse(null));
            String where = "reinstall mail";
            scan.text(where + " (raw)", GreenMailUtil.getWholeMessage(mail));
            for (Header header : Collections.list(mail.getAllHeaders())) {
                scan.text(where + " header " + header.getName(), MimeUtility.decodeText(MimeUtility.unfold(header.getValue())));
            }
            String bodies = bodyText(mail);
            scan.text(where + " bodies", bodies);
            assertTrue(bodies.contains("Rocky Linux 9") && bodies.contains(acme.brandName()), bodies);
            assertEquals(List.of(acme.brandName() + " <" + acme.supportAddress() + ">"), unicode(mail.getFrom()), where);
            assertTrue(mail.getMessageID().endsWith("@" + acme.primaryHost() + ">"), where + " Message-ID");
        } finally {
            smtp.stop();
        }
        assertEquals(List.of(), scan.findings, "the server mail shows:\n" + String.join("\n", scan.findings));
    }

    private static String bodyText(MimeMessage mail) {
        try {
            List<String> text = new ArrayList<>();
            List<String> html = new ArrayList<>();
            collectBodies(mail, text, html);
            return String.join("\n", text) + "\n" + String.join("\n", html);
        } catch (MessagingException | IOException e) {
            return "";
        }
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject() == null ? "" : mail.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    /** Other tests sign in as Alice with the demo password: if a test left her another one, put it back. */
    @AfterEach
    void putAlicesPasswordBack() throws Exception {
        if (alicePassword == null) {
            return;
        }
        Site acme = SITES.get(0);
        try {
            if (new Http().signIn(acme.host(), acme.customerEmail(), DEMO_PASSWORD).statusCode() == 302) {
                return;
            }
            try (Browser repair = new Browser("password-repair")) {
                repair.signIn(acme.host(), acme.customerEmail(), alicePassword);
                changePassword(repair, alicePassword, DEMO_PASSWORD);
            }
            assertEquals(302, new Http().signIn(acme.host(), acme.customerEmail(), DEMO_PASSWORD).statusCode(),
                    "Alice's demo password is put back");
        } finally {
            alicePassword = null;
        }
    }

    /**
     * The pages of the customer's own servers, found through the links of her server list: each server
     * with its traffic over a day, a week and a month, and the reinstall's confirm step.
     */
    private static List<String> serverPages(Http customer, Site site) throws IOException, InterruptedException {
        String list = customer.get(site.host(), "/customer/servers").body();
        Matcher link = Pattern.compile("href=\"/customer/server\\?id=(\\d+)\"").matcher(list);
        Set<String> pages = new LinkedHashSet<>();
        while (link.find()) {
            String server = "/customer/server?id=" + link.group(1);
            pages.add(server);
            pages.add(server + "&range=WEEK");
            pages.add(server + "&range=MONTH");
            Matcher template = Pattern.compile("<option value=\"([a-z0-9.-]+)\"")
                    .matcher(customer.get(site.host(), server).body());
            if (template.find()) {
                pages.add(server + "&confirm=" + template.group(1));
            }
        }
        assertTrue(pages.size() >= 3, site.host() + ": the customer's server pages were found in " + list.length()
                + " characters of her server list");
        return new ArrayList<>(pages);
    }

    /**
     * Every invoice the customer's billing page links to: the invoice page, and its PDF read whole — the
     * bytes, every metadata entry and the text of every page — which must name the reseller.
     */
    private static void invoices(Http customer, Site site, Scan scan) throws IOException, InterruptedException {
        Matcher link = Pattern.compile("href=\"/customer/invoice\\?id=(\\d+)\"")
                .matcher(customer.get(site.host(), "/customer/billing").body());
        int found = 0;
        while (link.find()) {
            found++;
            scan.page(customer, site.host(), site.brandName(), "/customer/invoice?id=" + link.group(1), 200);
            HttpResponse<byte[]> pdf = customer.getBytes(site.host(), "/customer/invoice-pdf?id=" + link.group(1));
            assertEquals(200, pdf.statusCode(), site.host() + ": invoice " + link.group(1) + " as PDF");
            String where = site.host() + " invoice PDF " + link.group(1);
            scan.headers(where, pdf.headers());
            scan.text(where + " bytes", new String(pdf.body(), StandardCharsets.ISO_8859_1));
            com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.body());
            Map<String, String> info = reader.getInfo();
            info.forEach((key, value) -> scan.text(where + " metadata " + key, value));
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(page));
            }
            reader.close();
            scan.text(where + " text", text.toString());
            assertTrue(text.toString().contains(site.brandName()), where + " names the reseller: " + text);
            assertEquals(site.brandName(), info.get("Author"), where + ": its author is the reseller");
        }
        assertTrue(found >= 1, site.host() + ": the customer's invoices were found on her billing page");
    }

    /** Asks for a reset link through the real form (a stateless view). */
    private static HttpResponse<String> forgot(String host, String email) throws IOException, InterruptedException {
        HttpResponse<String> sent = new Http().postForm(host, "/forgot", Map.of("forgot", "forgot", "email", email,
                "submit", "Send the link", "jakarta.faces.ViewState", "stateless"));
        assertEquals(200, sent.statusCode(), host + " POST /forgot");
        return sent;
    }

    /** Waits (up to 30 s; the test outbox sends every half second) for the site's mail to the customer. */
    private static MimeMessage awaitMail(GreenMail smtp, Site site) {
        return new FluentWait<>(smtp).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
                .withMessage("a mail from " + site.supportAddress() + " to " + site.customerEmail())
                .until(mails -> Arrays.stream(mails.getReceivedMessages())
                        .filter(m -> addresses(m, Message.RecipientType.TO).contains(site.customerEmail())
                                && fromAddresses(m).contains(site.supportAddress()))
                        .findFirst().orElse(null));
    }

    /** Checks one reset mail whole, and returns the token of its link. */
    private static String checkMail(MimeMessage mail, Site site, Scan scan) throws Exception {
        String where = "mail from " + site.host();
        scan.text(where + " (raw)", GreenMailUtil.getWholeMessage(mail));
        for (Header header : Collections.list(mail.getAllHeaders())) {
            scan.text(where + " header name", header.getName());
            scan.text(where + " header " + header.getName(), MimeUtility.decodeText(MimeUtility.unfold(header.getValue())));
        }
        String expectedSender = site.brandName() + " <" + site.supportAddress() + ">";
        assertEquals(List.of(expectedSender), unicode(mail.getFrom()), where + ": From");
        assertEquals(List.of(expectedSender), unicode(mail.getReplyTo()), where + ": Reply-To");
        String messageId = mail.getMessageID();
        assertNotNull(messageId, where + ": Message-ID");
        assertTrue(messageId.endsWith("@" + site.primaryHost() + ">"), where + ": Message-ID " + messageId);
        String[] returnPath = mail.getHeader("Return-Path");
        if (returnPath != null) {
            for (String value : returnPath) {
                assertTrue(value.contains(site.supportAddress()), where + ": Return-Path " + value);
            }
        }

        List<String> text = new ArrayList<>();
        List<String> html = new ArrayList<>();
        collectBodies(mail, text, html);
        assertEquals(1, text.size(), where + ": one plain-text body");
        assertEquals(1, html.size(), where + ": one HTML body");
        scan.text(where + " text body", text.get(0));
        scan.text(where + " HTML body", html.get(0));
        assertTrue(text.get(0).contains(site.brandName()) && html.get(0).contains(site.brandName()),
                where + ": the mail is in the reseller's name");

        Pattern link = Pattern.compile(Pattern.quote(site.publicBase() + "/reset?token=") + "([A-Za-z0-9_-]{20,})");
        Matcher inText = link.matcher(text.get(0));
        assertTrue(inText.find(), where + ": the text links to " + site.publicBase() + "/reset?token=…\n" + text.get(0));
        Matcher inHtml = link.matcher(html.get(0));
        assertTrue(inHtml.find(), where + ": the HTML links to " + site.publicBase() + "/reset?token=…");
        assertEquals(inText.group(1), inHtml.group(1), where + ": both bodies carry the same link");
        Matcher urls = Pattern.compile("(?:href|src)=\"([^\"]*)\"").matcher(html.get(0));
        while (urls.find()) {
            String url = urls.group(1).replace("&amp;", "&");
            if (!url.startsWith(site.publicBase() + "/") && !url.equals("mailto:" + site.supportAddress())) {
                scan.findings.add(where + ": the HTML mail refers to " + url);
            }
        }
        return inText.group(1);
    }

    private static void collectBodies(Part part, List<String> text, List<String> html) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectBodies(multipart.getBodyPart(i), text, html);
            }
        } else if (part.isMimeType("text/plain")) {
            text.add((String) part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.add((String) part.getContent());
        }
    }

    private static String resetPage(String host, String token) throws IOException, InterruptedException {
        HttpResponse<String> page = new Http().get(host, "/reset?token=" + token);
        assertEquals(200, page.statusCode(), host + " /reset");
        return page.body();
    }

    private static void changePassword(Browser browser, String current, String next) {
        browser.open(browser.host(), "/customer/profile");
        browser.fillIn("password:current", current);
        browser.fillIn("password:new", next);
        browser.clickAndWait("password:change");
    }

    private static List<String> unicode(Address[] addresses) {
        return addresses == null ? List.of()
                : Arrays.stream(addresses).map(a -> ((InternetAddress) a).toUnicodeString()).toList();
    }

    private static List<String> fromAddresses(MimeMessage mail) {
        try {
            return mail.getFrom() == null ? List.of()
                    : Arrays.stream(mail.getFrom()).map(a -> ((InternetAddress) a).getAddress()).toList();
        } catch (MessagingException e) {
            return List.of();
        }
    }

    private static List<String> addresses(MimeMessage mail, Message.RecipientType type) {
        try {
            Address[] recipients = mail.getRecipients(type);
            return recipients == null ? List.of()
                    : Arrays.stream(recipients).map(a -> ((InternetAddress) a).getAddress()).toList();
        } catch (MessagingException e) {
            return List.of();
        }
    }

    /**
     * Reads what a customer's browser would and writes down every place a forbidden word shows. Pages are
     * followed through redirects on the same host; the stylesheets, scripts and images they load (and the
     * URLs inside the stylesheets) are loaded once each.
     */
    static final class Scan {

        private static final Pattern LINK_HREF = Pattern.compile("<link\\b[^>]*?\\bhref=\"([^\"]*)\"");
        private static final Pattern SCRIPT_SRC = Pattern.compile("<script\\b[^>]*?\\bsrc=\"([^\"]*)\"");
        private static final Pattern IMG_SRC = Pattern.compile("<img\\b[^>]*?\\bsrc=\"([^\"]*)\"");
        private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

        final List<String> findings = new ArrayList<>();
        final Set<String> assets = new LinkedHashSet<>();

        void page(Http http, Site site, Page page) throws IOException, InterruptedException {
            page(http, site.host(), site.brandName(), page.path(), page.expectedStatus().applyAsInt(site));
        }

        void page(Http http, String host, String brandName, String path, int expectedStatus)
                throws IOException, InterruptedException {
            String where = host + " " + path;
            String current = path;
            HttpResponse<String> response = http.get(host, current);
            for (int hops = 0; response.statusCode() / 100 == 3; hops++) {
                response(where, response);
                String location = response.headers().firstValue("Location").orElse("");
                URI next = URI.create(Browser.url(host, current)).resolve(location);
                if (!host.equals(next.getHost()) || next.getPort() != Http.PORT || hops > 5) {
                    findings.add(where + ": redirects off the site to " + location);
                    return;
                }
                current = next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
                response = http.get(host, current);
            }
            response(where, response);
            if (response.statusCode() != expectedStatus) {
                findings.add(where + ": ended on " + current + " with " + response.statusCode() + ", expected "
                        + expectedStatus);
            }
            htmlPage(http, host, brandName, current, response.body());
        }

        /** The body of an HTML page, the URLs of what it loads, and those assets. */
        void htmlPage(Http http, String host, String brandName, String path, String body)
                throws IOException, InterruptedException {
            String where = host + " " + path;
            if (!body.contains(brandName)) {
                findings.add(where + ": the page does not show the brand " + brandName);
            }
            for (Pattern pattern : List.of(LINK_HREF, SCRIPT_SRC, IMG_SRC)) {
                Matcher ref = pattern.matcher(body);
                while (ref.find()) {
                    asset(http, host, where, URI.create(Browser.url(host, path)), ref.group(1).replace("&amp;", "&"));
                }
            }
        }

        private void asset(Http http, String host, String where, URI base, String reference)
                throws IOException, InterruptedException {
            text(where + " asset URL", reference);
            if (reference.startsWith("data:")) {
                return;
            }
            URI url = base.resolve(reference);
            if (!host.equals(url.getHost()) || url.getPort() != Http.PORT) {
                findings.add(where + ": loads " + reference + " from another host");
                return;
            }
            String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            if (!assets.add(host + path)) {
                return;
            }
            HttpResponse<byte[]> response = http.client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + Http.PORT + path)).header("Host", host + ":" + Http.PORT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String at = host + " " + path;
            if (response.statusCode() != 200) {
                findings.add(at + " (loaded by " + where + ") answers " + response.statusCode());
            }
            headers(at, response.headers());
            // byte for byte, so binary images and any encoding are covered too
            String content = new String(response.body(), StandardCharsets.ISO_8859_1);
            text(at + " content", content);
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/css")) {
                Matcher ref = CSS_URL.matcher(new String(response.body(), StandardCharsets.UTF_8));
                while (ref.find()) {
                    asset(http, host, at, url, ref.group(1));
                }
            }
        }

        void response(String where, HttpResponse<String> response) {
            headers(where, response.headers());
            text(where + " body", response.body());
        }

        void headers(String where, HttpHeaders headers) {
            headers.map().forEach((name, values) -> {
                text(where + " header name", name);
                for (String value : values) {
                    if (name.equalsIgnoreCase("Set-Cookie")) {
                        String cookie = value.split(";", 2)[0];
                        text(where + " cookie name", cookie.split("=", 2)[0]);
                        text(where + " cookie value", cookie.contains("=") ? cookie.split("=", 2)[1] : "");
                    }
                    text(where + " header " + name, value);
                }
            });
        }

        /** Every cookie the site left in these clients, name and value. */
        void cookies(String host, Http... clients) {
            for (Http http : clients) {
                CookieManager jar = (CookieManager) http.client().cookieHandler().orElseThrow();
                for (HttpCookie cookie : jar.getCookieStore().getCookies()) {
                    text(host + " cookie name", cookie.getName());
                    text(host + " cookie " + cookie.getName(), cookie.getValue());
                    text(host + " cookie " + cookie.getName() + " path/domain", cookie.getPath() + " " + cookie.getDomain());
                }
            }
        }

        void text(String where, String text) {
            if (text == null) {
                return;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            for (String word : FORBIDDEN.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList()) {
                int at = lower.indexOf(word);
                if (at >= 0) {
                    String around = text.substring(Math.max(0, at - 40), Math.min(text.length(), at + word.length() + 40))
                            .replaceAll("\\s+", " ");
                    String finding = where + ": \"" + text.substring(at, Math.min(text.length(), at + word.length())) + "\" in …" + around + "…";
                    if (!findings.contains(finding)) {
                        findings.add(finding);
                    }
                }
            }
        }
    }
}
