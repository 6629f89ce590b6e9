package io.marque.portal.tenant.theme;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.document.PdfDocuments;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * The contract of the mail and PDF templates of {@code base}: which {@code ${placeholders}} the
 * renderer must supply, which {@code #{message.keys}} the bundles must hold, and that all wording
 * comes from those keys (no literal sentences that would escape translation).
 */
class ThemeTemplatesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)*)}");

    /** The ticket notices to reseller and provider staff. */
    private static final List<String> STAFF_MAILS = List.of("ticket-new", "ticket-customer-reply",
            "ticket-provider-reply", "ticket-escalated", "ticket-provider-update");

    /** The reinstall notices to a server's customer (or the reseller's staff member who asked). */
    private static final List<String> SERVER_MAILS = List.of("server-reinstalled", "server-reinstall-failed");

    /** Abuse mail between the provider and a reseller. */
    private static final List<String> ABUSE_MAILS = List.of("abuse-report", "abuse-suspended", "abuse-answered",
            "abuse-resolved");

    /** Dunning mail about an unpaid invoice, to a customer (reseller's brand) or a reseller (provider's brand). */
    private static final List<String> INVOICE_MAILS = List.of("invoice-reminder", "invoice-overdue", "invoice-late-fee",
            "invoice-suspended", "invoice-terminated");

    /** Each template and the placeholders it uses; the renderer fills them (see themes/README.md). */
    private static final Map<String, Set<String>> PLACEHOLDERS = new LinkedHashMap<>();
    static {
        PLACEHOLDERS.put("mail/layout.html", Set.of("lang", "subject", "colorPrimary", "logo", "brandName",
                "content", "footer", "supportAddress"));
        PLACEHOLDERS.put("mail/logo.html", Set.of("logoUrl"));
        PLACEHOLDERS.put("mail/layout.txt", Set.of("brandName", "content", "footer", "supportAddress"));
        PLACEHOLDERS.put("mail/password-reset.html", Set.of("resetUrl", "colorPrimary"));
        PLACEHOLDERS.put("mail/password-reset.txt", Set.of("resetUrl"));
        PLACEHOLDERS.put("mail/invitation.html", Set.of("inviteUrl", "colorPrimary"));
        PLACEHOLDERS.put("mail/invitation.txt", Set.of("inviteUrl"));
        PLACEHOLDERS.put("pdf/document.xhtml", Set.of("lang", "title", "brandName", "colorPrimary", "footer",
                "content"));
        PLACEHOLDERS.put("pdf/invoice.xhtml", Set.of("lang", "title", "brandName", "colorPrimary", "footer",
                "statusClass", "statusLabel", "number", "issuedOn", "dueClass", "dueOn", "extendedClass", "extendedTo",
                "paidClass", "paidOn", "creditedClass", "creditedNumber", "issuerName", "issuerDetails", "recipientName",
                "recipientDetails", "lines", "subtotal", "taxClass", "taxLabel", "tax", "lateFeeClass", "lateFee", "total",
                "bankClass", "bankDetails"));
        PLACEHOLDERS.put("pdf/invoice-line.xhtml", Set.of("description", "quantity", "unit", "amount"));
        for (String customer : List.of("ticket-created", "ticket-reply")) {
            PLACEHOLDERS.put("mail/" + customer + ".html", Set.of("marker", "body", "ticketUrl", "colorPrimary"));
            PLACEHOLDERS.put("mail/" + customer + ".txt", Set.of("marker", "body", "ticketUrl"));
        }
        for (String staff : STAFF_MAILS) {
            PLACEHOLDERS.put("mail/" + staff + ".html", Set.of("body", "ticketUrl", "colorPrimary"));
            PLACEHOLDERS.put("mail/" + staff + ".txt", Set.of("body", "ticketUrl"));
        }
        for (String server : SERVER_MAILS) {
            PLACEHOLDERS.put("mail/" + server + ".html", Set.of("serverUrl", "colorPrimary"));
            PLACEHOLDERS.put("mail/" + server + ".txt", Set.of("serverUrl"));
        }
        for (String abuse : ABUSE_MAILS) {
            Set<String> values = switch (abuse) {
                case "abuse-report" -> Set.of("evidence", "reportUrl");
                case "abuse-suspended" -> Set.of("reportUrl");
                default -> Set.of("response", "reportUrl");
            };
            PLACEHOLDERS.put("mail/" + abuse + ".txt", values);
            Set<String> html = new java.util.HashSet<>(values);
            html.add("colorPrimary");
            PLACEHOLDERS.put("mail/" + abuse + ".html", html);
        }
        for (String invoice : INVOICE_MAILS) {
            PLACEHOLDERS.put("mail/" + invoice + ".html", Set.of("invoiceUrl", "colorPrimary"));
            PLACEHOLDERS.put("mail/" + invoice + ".txt", Set.of("invoiceUrl"));
        }
    }

    /** Every message key the templates use; the bundles of base must define them. */
    private static final Set<String> KEYS = Set.of("mail.greeting", "mail.footer.help", "mail.link.fallback",
            "mail.reset.intro", "mail.reset.action", "mail.reset.expiry", "mail.reset.ignore",
            "mail.invitation.intro", "mail.invitation.action", "mail.invitation.expiry", "mail.invitation.ignore",
            "mail.ticket.created.intro", "mail.ticket.reply.intro", "mail.ticket.wrote", "mail.ticket.answerByMail",
            "mail.ticket.open", "mail.ticket.staffWrote", "mail.ticket.new.intro", "mail.ticket.customerReply.intro",
            "mail.ticket.providerReply.intro", "mail.ticket.escalated.intro", "mail.ticket.providerUpdate.intro",
            "mail.server.reinstalled.intro", "mail.server.reinstallFailed.intro", "mail.server.reinstallFailed.next",
            "mail.server.open", "mail.abuse.report.intro", "mail.abuse.evidence", "mail.abuse.deadline",
            "mail.abuse.open", "mail.abuse.suspended.intro", "mail.abuse.answered.intro", "mail.abuse.resolved.intro",
            "mail.invoice.reminder.intro", "mail.invoice.reminder.paid", "mail.invoice.overdue.intro",
            "mail.invoice.overdue.next", "mail.invoice.lateFee.intro", "mail.invoice.suspended.intro",
            "mail.invoice.suspended.next", "mail.invoice.terminated.intro", "mail.invoice.terminated.next",
            "mail.invoice.open", "pdf.invoice.number", "pdf.invoice.issued", "pdf.invoice.due", "pdf.invoice.extended", "pdf.invoice.paid",
            "pdf.invoice.credits", "pdf.invoice.from", "pdf.invoice.to", "pdf.invoice.description", "pdf.invoice.quantity",
            "pdf.invoice.unit", "pdf.invoice.amount", "pdf.invoice.subtotal", "pdf.invoice.lateFee", "pdf.invoice.total",
            "pdf.invoice.bank");

    private final ThemeRegistry registry = new ThemeRegistry(getClass().getClassLoader(), null);
    private final Theme base = registry.theme("base");

    @Test
    void templatesUseTheDocumentedPlaceholders() {
        for (Map.Entry<String, Set<String>> template : PLACEHOLDERS.entrySet()) {
            assertEquals(new TreeSet<>(template.getValue()), matches(PLACEHOLDER, text(template.getKey())),
                    template.getKey());
        }
    }

    @Test
    void templatesUseTheDocumentedMessageKeys() {
        Set<String> used = new TreeSet<>();
        for (String template : PLACEHOLDERS.keySet()) {
            used.addAll(matches(MESSAGE_KEY, text(template)));
        }
        assertEquals(new TreeSet<>(KEYS), used);
    }

    static List<String> templates() {
        return List.copyOf(PLACEHOLDERS.keySet());
    }

    @ParameterizedTest
    @MethodSource("templates")
    void allWordingComesFromMessageKeys(String template) {
        assertNoLiteralWording(template, text(template));
    }

    /**
     * The example themes replace some templates (Aurora its mail layout, Harbor its PDF page): theirs are
     * found first, need the same placeholders, are as well-formed and hold no wording of their own.
     */
    @ParameterizedTest
    @ValueSource(strings = {"aurora:mail/layout.html", "harbor:pdf/document.xhtml"})
    void childTemplatesOverrideBaseAndKeepItsContract(String themeAndTemplate) throws Exception {
        String theme = themeAndTemplate.split(":")[0];
        String template = themeAndTemplate.split(":")[1];
        String own = registry.theme(theme).text(template).orElseThrow();
        assertTrue(!own.equals(text(template)), theme + " has its own " + template);
        assertEquals(new TreeSet<>(PLACEHOLDERS.get(template)), matches(PLACEHOLDER, own), theme + " " + template);
        assertEquals("html", parse(own).getDocumentElement().getLocalName());
        assertNoLiteralWording(theme + " " + template, own);
    }

    private static void assertNoLiteralWording(String template, String text) {
        assertTrue(PLACEHOLDER.matcher(text).replaceAll("").indexOf("${") < 0, template + ": malformed ${...}");
        assertTrue(MESSAGE_KEY.matcher(text).replaceAll("").indexOf("#{") < 0, template + ": malformed #{...}");

        String visible = text;
        if (!template.endsWith(".txt")) {
            Matcher attributes = Pattern.compile("\\b(?:alt|title|aria-label)=\"([^\"]*)\"").matcher(visible);
            while (attributes.find()) {
                assertNoWords(template + " attribute", attributes.group(1));
            }
            visible = visible.replaceAll("(?s)<style.*?</style>", "").replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<[!?][^>]*>", "").replaceAll("(?s)<[^>]*>", "").replaceAll("&#?\\w+;", "");
        }
        assertNoWords(template, visible);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdf/document.xhtml", "pdf/invoice.xhtml", "mail/layout.html"})
    void documentsAreWellFormedXml(String template) throws Exception {
        Document document = parse(text(template));

        assertEquals("html", document.getDocumentElement().getLocalName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mail/logo.html", "mail/password-reset.html", "mail/invitation.html",
        "mail/ticket-created.html", "mail/ticket-reply.html", "mail/ticket-new.html", "mail/ticket-customer-reply.html",
        "mail/ticket-provider-reply.html", "mail/ticket-escalated.html", "mail/ticket-provider-update.html",
        "mail/server-reinstalled.html", "mail/server-reinstall-failed.html", "mail/abuse-report.html",
        "mail/abuse-suspended.html", "mail/abuse-answered.html", "mail/abuse-resolved.html",
        "mail/invoice-reminder.html", "mail/invoice-overdue.html", "mail/invoice-late-fee.html",
        "mail/invoice-suspended.html", "mail/invoice-terminated.html", "pdf/invoice-line.xhtml"})
    void fragmentsAreBalanced(String template) throws Exception {
        parse("<div>" + text(template) + "</div>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdf/document.xhtml", "pdf/invoice.xhtml"})
    void pdfPageIsA4WithMargins(String template) {
        String pdf = text(template);

        assertTrue(pdf.contains("size: A4;"), pdf);
        assertTrue(Pattern.compile("@page\\s*\\{[^}]*margin:").matcher(pdf).find(), pdf);
        assertTrue(pdf.contains("xmlns=\"http://www.w3.org/1999/xhtml\""), pdf);
    }

    /** The PDF base fonts drop Cyrillic; the renderer's Unicode family must come first (see PdfDocuments). */
    @ParameterizedTest
    @ValueSource(strings = {"base:pdf/document.xhtml", "base:pdf/invoice.xhtml", "harbor:pdf/document.xhtml"})
    void pdfTemplatesNameTheUnicodeFontFirst(String themeAndTemplate) {
        String pdf = registry.theme(themeAndTemplate.split(":")[0]).text(themeAndTemplate.split(":")[1]).orElseThrow();

        assertTrue(pdf.contains("body { font-family: \"" + PdfDocuments.UNICODE_FAMILY + "\","), themeAndTemplate);
    }

    private String text(String template) {
        return base.text(template).orElseThrow(() -> new AssertionError("base has no " + template));
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static void assertNoWords(String where, String text) {
        String rest = MESSAGE_KEY.matcher(PLACEHOLDER.matcher(text).replaceAll("")).replaceAll("");
        assertTrue(rest.codePoints().noneMatch(Character::isLetter), where + " has literal text: " + rest.strip());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(UTF_8)));
    }

}
