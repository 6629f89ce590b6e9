package io.marque.portal.mail;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.marque.portal.domains.dkim.DkimKey;
import io.marque.portal.domains.dkim.DkimSigner;
import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.tenant.TenantKind;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.TenantStatus;
import io.marque.portal.tenant.Themes;
import io.marque.portal.tenant.theme.ThemeRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A DKIM signature only helps if the bytes that leave are the bytes that were signed. The outbox sends
 * a stored mail by parsing it into a {@code MimeMessage} and calling {@code saveChanges()} before
 * {@code Transport.sendMessage} ({@link MailTransport}); {@code saveChanges()} marks the message
 * modified, so Jakarta Mail writes the multipart anew from its parsed parts instead of copying the
 * stored body, and re-sets {@code MIME-Version}. These tests send every template the composer has,
 * signed, through {@link MailTransport} to a real SMTP server (GreenMail) and compare what arrived
 * with what was signed. (dkimpy checks the signatures against a real DNS server in portal-ear's
 * {@code DkimSignatureIT}.)
 */
class DkimSignedMailTest {

    private static DkimKey key;

    private GreenMail relay;

    @BeforeAll
    static void generate() {
        key = DkimKey.generate("m202611");
    }

    @BeforeEach
    void start() {
        relay = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        relay.start();
        // an empty property wins over MARQUE_SMTP_HOST in the environment; the reseller's relay is local
        System.setProperty("marque.smtp.host", "");
        System.setProperty("marque.mailbox.allow.private", "true");
    }

    @AfterEach
    void stop() {
        relay.stop();
        System.clearProperty("marque.smtp.host");
        System.clearProperty("marque.mailbox.allow.private");
    }

    @Test
    void everyComposerMailArrivesAsItWasSigned() throws Exception {
        MailComposer composer = composer();
        SmtpRelay greenMail = new SmtpRelay("127.0.0.1", relay.getSmtp().getPort(), false, null, null);
        List<byte[]> sent = new ArrayList<>();
        for (String template : templates()) {
            for (String language : List.of("en", "ru")) {
                TenantSnapshot tenant = tenant(language.equals("ru") ? "logo0123" : null);
                MailComposer.Threading threading = template.startsWith("ticket")
                        ? new MailComposer.Threading("ticket+42@mail.acme.example", "<earlier@portal.acme.example>", false)
                        : new MailComposer.Threading(null, null, true);
                ComposedMail mail = composer.compose(tenant, Locale.forLanguageTag(language), template,
                        "carla@customer.example", Map.of("resetUrl", "https://portal.acme.example/reset?t=1",
                                "body", "Grüße aus Köln — and a long line ".repeat(20)), threading);
                byte[] signed = new DkimSigner("mail.acme.example", key).sign(mail.mime());
                composer.transport.send(sent.size(), signed, greenMail);
                sent.add(signed);
            }
        }

        MimeMessage[] received = relay.getReceivedMessages();
        assertEquals(sent.size(), received.length);
        for (int i = 0; i < received.length; i++) {
            String arrived = new String(withoutRelayHeaders(raw(received[i])), US_ASCII);
            // GreenMail stores a mail without the CRLF in front of the end-of-data dot (on the wire it is
            // there); relaxed body canonicalization adds a missing final CRLF anyway
            assertEquals(new String(sent.get(i), US_ASCII), arrived + "\r\n", "mail " + i);
            assertEquals(1, verifier().verify(new ByteArrayInputStream(raw(received[i]))).size(),
                    "verifies with the relay's Received and Return-Path in front");
        }
    }

    @Test
    void aStoredMailWithoutMimeVersionWouldGainOneAndFail() throws Exception {
        // why the composer must keep writing MIME-Version: saveChanges() adds it, and h= signed it as absent
        String mail = "From: Acme <support@mail.acme.example>\r\nTo: carla@customer.example\r\n"
                + "Subject: Hello\r\nMessage-ID: <x@portal.acme.example>\r\n"
                + "Content-Type: text/plain; charset=US-ASCII\r\n\r\nHello\r\n";
        byte[] signed = new DkimSigner("mail.acme.example", key).sign(mail.getBytes(US_ASCII));
        composer().transport.send(1, signed, new SmtpRelay("127.0.0.1", relay.getSmtp().getPort(), false, null, null));

        byte[] arrived = raw(relay.getReceivedMessages()[0]);
        assertNotEquals(new String(signed, US_ASCII), new String(withoutRelayHeaders(arrived), US_ASCII) + "\r\n");
        assertTrue(new String(arrived, US_ASCII).contains("MIME-Version: 1.0"));
        assertThrows(FailException.class, () -> verifier().verify(new ByteArrayInputStream(arrived)));
    }

    static MailComposer composer() {
        MailComposer composer = new MailComposer();
        composer.config = new MarqueConfig();
        composer.themes = new Themes(new ThemeRegistry(MailComposer.class.getClassLoader(), null));
        MailTransport transport = new MailTransport();
        transport.config = composer.config;
        transport.init();
        composer.transport = transport;
        composer.mailDomains = noMailDomains();
        return composer;
    }

    /** No reseller has a mail domain of its own: Message-IDs are on the primary host. */
    static io.marque.portal.domains.MailDomains noMailDomains() {
        return new io.marque.portal.domains.MailDomains() {
            @Override
            public java.util.Optional<Signing> of(long tenantId) {
                return java.util.Optional.empty();
            }
        };
    }

    /** A reseller with a Cyrillic display name, so From and Reply-To are encoded words too. */
    static TenantSnapshot tenant(String logoHash) {
        return new TenantSnapshot(7, TenantKind.RESELLER, "acme", "Acme", TenantStatus.ACTIVE, "base", "en",
                "Europe/Berlin", "EUR", true, false, "portal.acme.example", "Acme Облако", "support@mail.acme.example",
                "#0055aa", "#ff8800", "Acme Cloud GmbH · Köln", null, logoHash, "abc123");
    }

    /**
     * Every mail template of the base theme: each has a {@code .txt} beside its {@code .html}. The theme
     * is a folder in a build of this module alone and a jar in a build of all modules.
     */
    private static List<String> templates() throws URISyntaxException, java.io.IOException {
        java.net.URI layout = MailComposer.class.getClassLoader().getResource("themes/base/mail/layout.txt").toURI();
        if ("jar".equals(layout.getScheme())) {
            try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(layout, java.util.Map.of())) {
                return templatesIn(jar.getPath("themes/base/mail"));
            }
        }
        return templatesIn(Path.of(layout).getParent());
    }

    private static List<String> templatesIn(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).filter(n -> !n.equals("layout")).sorted().toList();
            assertTrue(names.size() > 20, names.toString());
            return names;
        }
    }

    /** The mail as the server stored it: GreenMail's parsed message is unmodified, so this is its raw bytes. */
    private static byte[] raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** Without the Return-Path and Received headers the receiving server put in front. */
    private static byte[] withoutRelayHeaders(byte[] mail) {
        String text = new String(mail, US_ASCII);
        int start = text.indexOf("DKIM-Signature:");
        assertTrue(start >= 0, text);
        String prefix = text.substring(0, start);
        assertTrue(prefix.isEmpty() || Arrays.stream(prefix.split("\r\n"))
                .allMatch(l -> l.startsWith("Return-Path:") || l.startsWith("Received:") || l.startsWith("\t")
                        || l.startsWith(" ")), prefix);
        return Arrays.copyOfRange(mail, start, mail.length);
    }

    private static DKIMVerifier verifier() {
        return new DKIMVerifier((method, selector, domain) -> List.of(key.dnsRecordValue()));
    }
}
