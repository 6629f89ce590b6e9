package io.marque.portal.it;

import io.marque.portal.it.Forbidden.Scope;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a reseller's customer receives — texts, HTTP headers and cookies, PDFs with their metadata,
 * mails with every header and every MIME part decoded — and writes down every place a {@link Forbidden}
 * thing shows, and what it read (the counts the report gives).
 */
public final class BrandCheck {

    private static final Pattern MAIL_URL = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

    private final Forbidden forbidden;
    private final List<String> findings = new ArrayList<>();
    private final Map<String, Integer> counts = new TreeMap<>();

    public BrandCheck(Forbidden forbidden) {
        this.forbidden = forbidden;
    }

    public Forbidden forbidden() {
        return forbidden;
    }

    /** Every finding so far; empty when nothing was seen. */
    public List<String> findings() {
        return List.copyOf(findings);
    }

    public void finding(String finding) {
        if (!findings.contains(finding)) {
            findings.add(finding);
        }
    }

    /** Counts one more thing of a kind read ("page", "PDF", "mail", "API error"). */
    public void counted(String kind) {
        counts.merge(kind, 1, Integer::sum);
    }

    public int count(String kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** What was read, e.g. {@code {API error=120, PDF=4, page=310}}. */
    public String counts() {
        return counts.toString();
    }

    /** The findings, one a line, for an assertion message. */
    public String report() {
        return findings.size() + " finding(s) after reading " + counts + ":\n" + String.join("\n", findings);
    }

    public void text(String where, String text, Scope scope) {
        for (String found : forbidden.findIn(text, scope)) {
            finding(where + ": " + found);
        }
    }

    /** Byte for byte, so binary files and any encoding are covered too. */
    public void bytes(String where, byte[] data, Scope scope) {
        text(where, new String(data, StandardCharsets.ISO_8859_1), scope);
    }

    /** Every header's name and value, and each cookie set, by name and value. */
    public void headers(String where, HttpHeaders headers) {
        headers.map().forEach((name, values) -> {
            text(where + " header name", name, Scope.DOCUMENT);
            for (String value : values) {
                if (name.equalsIgnoreCase("Set-Cookie")) {
                    String cookie = value.split(";", 2)[0];
                    text(where + " cookie name", cookie.split("=", 2)[0], Scope.DOCUMENT);
                }
                text(where + " header " + name, value, Scope.DOCUMENT);
            }
        });
    }

    /** Every cookie a client holds, name, value, path and domain. */
    public void cookies(String where, CookieManager jar) {
        for (HttpCookie cookie : jar.getCookieStore().getCookies()) {
            text(where + " cookie name", cookie.getName(), Scope.DOCUMENT);
            text(where + " cookie " + cookie.getName(), cookie.getValue() + " " + cookie.getPath() + " " + cookie.getDomain(),
                    Scope.DOCUMENT);
        }
    }

    /**
     * A PDF read whole: its bytes, the text of every page, every entry of its document information and
     * its XMP metadata. Its author, producer and creator may only be the reseller (or empty); it must name
     * the reseller somewhere in its text.
     */
    public void pdf(String where, byte[] pdf, String brandName) {
        counted("PDF");
        bytes(where + " bytes", pdf, Scope.ASSET);
        try {
            com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
            try {
                Map<String, String> info = reader.getInfo();
                info.forEach((key, value) -> text(where + " metadata " + key, value, Scope.DOCUMENT));
                for (String key : List.of("Author", "Producer", "Creator")) {
                    String value = info.get(key);
                    if (value != null && !value.isBlank() && !value.equals(brandName)) {
                        finding(where + ": its " + key + " is \"" + value + "\", not the reseller " + brandName);
                    }
                }
                byte[] xmp = reader.getMetadata();
                if (xmp != null) {
                    text(where + " XMP", new String(xmp, StandardCharsets.UTF_8), Scope.DOCUMENT);
                }
                StringBuilder text = new StringBuilder();
                var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    text.append(extractor.getTextFromPage(page)).append('\n');
                }
                text(where + " text", text.toString(), Scope.DOCUMENT);
                if (!text.toString().contains(brandName)) {
                    finding(where + ": the text does not name the reseller " + brandName);
                }
            } finally {
                reader.close();
            }
        } catch (IOException | RuntimeException e) {
            finding(where + ": not a readable PDF (" + e + ")");
        }
    }

    /**
     * What a mail must be to its reader: from the reseller's support address under its name, answers to
     * its support domain, its {@code Message-ID} and every link on one of the reseller's hosts.
     *
     * @param hosts the reseller's host names (its domains, its mail domain)
     */
    public record Sender(String brandName, String supportAddress, Set<String> hosts) {
        String supportDomain() {
            return supportAddress.substring(supportAddress.indexOf('@') + 1);
        }
    }

    /**
     * A mail as it leaves (its raw MIME): the raw text, every header of the message and of each part by
     * name and decoded value, every part's content decoded; and its sender, answer address, Message-ID
     * and links are the reseller's own.
     */
    public void mail(String where, byte[] mime, Sender sender) {
        counted("mail");
        text(where + " (raw)", new String(mime, StandardCharsets.ISO_8859_1), Scope.DOCUMENT);
        try {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime));
            String expected = sender.brandName() + " <" + sender.supportAddress() + ">";
            if (!List.of(expected).equals(unicode(mail.getFrom()))) {
                finding(where + ": From is " + unicode(mail.getFrom()) + ", not " + expected);
            }
            for (String replyTo : unicode(mail.getReplyTo())) {
                if (!replyTo.endsWith("@" + sender.supportDomain() + ">")) {
                    finding(where + ": Reply-To " + replyTo + " is not on " + sender.supportDomain());
                }
            }
            String messageId = mail.getMessageID();
            if (messageId == null || sender.hosts().stream().noneMatch(h -> messageId.endsWith("@" + h + ">"))) {
                finding(where + ": Message-ID " + messageId + " is on none of " + sender.hosts());
            }
            for (String name : List.of("Return-Path", "Sender", "Errors-To")) {
                String[] values = mail.getHeader(name);
                for (String value : values == null ? new String[0] : values) {
                    if (!value.contains("@" + sender.supportDomain())) {
                        finding(where + ": " + name + " " + value + " is not on " + sender.supportDomain());
                    }
                }
            }
            part(where, mail, sender);
        } catch (MessagingException | IOException e) {
            finding(where + ": not a readable mail (" + e + ")");
        }
    }

    private void part(String where, Part part, Sender sender) throws MessagingException, IOException {
        for (Header header : Collections.list(part.getAllHeaders())) {
            text(where + " header name", header.getName(), Scope.DOCUMENT);
            text(where + " header " + header.getName(), decoded(header.getValue()), Scope.DOCUMENT);
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                part(where + " part " + (i + 1), multipart.getBodyPart(i), sender);
            }
            return;
        }
        if (part.isMimeType("text/*")) {
            String content = (String) part.getContent();
            text(where + " " + part.getContentType().split(";")[0], content, Scope.DOCUMENT);
            if (!content.contains(sender.brandName())) {
                finding(where + " " + part.getContentType().split(";")[0] + ": does not name the reseller "
                        + sender.brandName());
            }
            if (part.isMimeType("text/html")) {
                links(where, content, sender);
            }
            return;
        }
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            bytes(where + " " + part.getContentType(), out.toByteArray(), Scope.ASSET);
        }
    }

    private void links(String where, String html, Sender sender) {
        Matcher url = MAIL_URL.matcher(html);
        while (url.find()) {
            String link = url.group(1).replace("&amp;", "&");
            if (link.equals("mailto:" + sender.supportAddress())) {
                continue;
            }
            String host;
            try {
                host = URI.create(link).getHost();
            } catch (IllegalArgumentException e) {
                host = null;
            }
            if (host == null || !sender.hosts().contains(host)) {
                finding(where + ": the HTML refers to " + link + ", not to one of " + sender.hosts());
            }
        }
    }

    private static String decoded(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException e) {
            return value;
        }
    }

    private static List<String> unicode(Address[] addresses) {
        return addresses == null ? List.of()
                : java.util.Arrays.stream(addresses).map(a -> ((InternetAddress) a).toUnicodeString()).toList();
    }
}
