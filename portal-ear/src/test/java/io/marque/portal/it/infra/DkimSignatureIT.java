package io.marque.portal.it.infra;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.marque.portal.domains.dkim.DkimKey;
import io.marque.portal.domains.dkim.DkimSigner;
import io.marque.portal.mail.ComposedMail;
import io.marque.portal.mail.MailComposer;
import io.marque.portal.mail.MailTransport;
import io.marque.portal.mail.SmtpRelay;
import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.tenant.TenantKind;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.TenantStatus;
import io.marque.portal.tenant.Themes;
import io.marque.portal.tenant.theme.ThemeRegistry;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A reseller's signed mail as a receiver sees it: the composer writes it, {@link DkimSigner} signs it,
 * {@link MailTransport} sends it to a real SMTP server (GreenMail), and dkimpy ({@link DkimVerifier})
 * checks what arrived against the key published in a real DNS server (PowerDNS). dkimpy shares no code
 * with jDKIM, so a pass here means another implementation of RFC 6376 agrees with our signatures, and
 * the failures show it is checking. Plain JUnit, no WildFly.
 */
class DkimSignatureIT {

    private static final String DOMAIN = "mail-test.example";

    private static PowerDnsServer pdns;
    private static GreenMail smtp;
    private static DkimKey key;
    private static MailComposer composer;
    private static MailTransport transport;
    private static long outboxId;

    @BeforeAll
    static void start() throws Exception {
        pdns = PowerDnsServer.start();
        pdns.createZone(DOMAIN + ".");
        key = DkimKey.generate(DkimKey.selectorFor(YearMonth.now()));
        pdns.addRecord(recordName(key), "TXT", 300, key.dnsTxtPresentation());
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        // the reseller's relay is GreenMail on loopback; an empty host wins over MARQUE_SMTP_HOST
        System.setProperty("marque.mailbox.allow.private", "true");
        System.setProperty("marque.smtp.host", "");
        transport = transport();
        composer = composer(transport);
    }

    @AfterAll
    static void stop() {
        System.clearProperty("marque.mailbox.allow.private");
        System.clearProperty("marque.smtp.host");
        if (smtp != null) {
            smtp.stop();
        }
        if (pdns != null) {
            pdns.close();
        }
    }

    @Test
    void theRecordIsServedAsTheStringsItWasCutInto() throws Exception {
        List<String> strings = txt(recordName(key));
        assertEquals(key.dnsTxtStrings(), strings);
        assertEquals(2, strings.size(), "a 2048-bit key needs two strings of at most 255 bytes");
    }

    @Test
    void aSignedMailVerifiesAfterTheWayThroughSmtp() throws Exception {
        byte[] signed = new DkimSigner(DOMAIN, key).sign(composed().mime());
        DkimVerifier.Result direct = DkimVerifier.verify(signed, pdns.dnsPort());
        assertTrue(direct.pass(), direct.log());

        byte[] arrived = sendAndReceive(signed);
        DkimVerifier.Result result = DkimVerifier.verify(arrived, pdns.dnsPort());
        assertTrue(result.pass(), result.log());
        assertTrue(result.log().contains("2 string(s)"), result.log());
        String headers = new String(arrived, US_ASCII).substring(0, new String(arrived, US_ASCII).indexOf("\r\n\r\n"));
        assertTrue(headers.contains("Subject: =?UTF-8?"), "a Cyrillic subject, encoded: " + headers);
        assertTrue(headers.contains("multipart/alternative"), headers);
    }

    @Test
    void oneChangedBodyByteFails() throws Exception {
        String arrived = new String(sendAndReceive(new DkimSigner(DOMAIN, key).sign(composed().mime())), US_ASCII);
        int at = arrived.lastIndexOf("</html>");
        assertTrue(at > arrived.indexOf("\r\n\r\n"), "in the body");
        byte[] tampered = (arrived.substring(0, at) + "</htmL>" + arrived.substring(at + 7)).getBytes(US_ASCII);

        DkimVerifier.Result result = DkimVerifier.verify(tampered, pdns.dnsPort());
        assertFalse(result.pass(), result.log());
        assertTrue(result.log().contains("body hash mismatch"), result.log());
    }

    @Test
    void aChangedSubjectFails() throws Exception {
        String arrived = new String(sendAndReceive(new DkimSigner(DOMAIN, key).sign(composed().mime())), US_ASCII);
        Matcher subject = Pattern.compile("\r\nSubject: ([^\r]*(\r\n[ \t][^\r]*)*)").matcher(arrived);
        assertTrue(subject.find(), arrived);
        String forged = MimeUtility.encodeText("Сброс пароля: срочно", "UTF-8", "B");
        byte[] tampered = (arrived.substring(0, subject.start(1)) + forged + arrived.substring(subject.end(1)))
                .getBytes(US_ASCII);

        DkimVerifier.Result result = DkimVerifier.verify(tampered, pdns.dnsPort());
        assertFalse(result.pass(), result.log());
        assertTrue(result.log().contains("valid: False"), "the body still matches, the headers do not: " + result.log());
    }

    @Test
    void aKeyThatIsNotPublishedFails() throws Exception {
        DkimKey unpublished = DkimKey.generate("unpublished");
        byte[] arrived = sendAndReceive(new DkimSigner(DOMAIN, unpublished).sign(composed().mime()));

        DkimVerifier.Result result = DkimVerifier.verify(arrived, pdns.dnsPort());
        assertFalse(result.pass(), result.log());
        assertTrue(result.log().contains("does not exist"), result.log());
    }

    @Test
    void anotherKeyPublishedUnderTheSelectorFails() throws Exception {
        DkimKey ours = DkimKey.generate("m209901");
        DkimKey theirs = DkimKey.generate("m209901");
        pdns.addRecord(recordName(theirs), "TXT", 300, theirs.dnsTxtPresentation());
        try {
            byte[] arrived = sendAndReceive(new DkimSigner(DOMAIN, ours).sign(composed().mime()));
            DkimVerifier.Result result = DkimVerifier.verify(arrived, pdns.dnsPort());
            assertFalse(result.pass(), result.log());
            assertTrue(result.log().contains("valid: False"), result.log());

            pdns.addRecord(recordName(ours), "TXT", 300, ours.dnsTxtPresentation()); // replaces theirs
            assertTrue(DkimVerifier.verify(arrived, pdns.dnsPort()).pass(), "with our key published it passes");

            pdns.deleteRecord(recordName(ours), "TXT");
            DkimVerifier.Result withdrawn = DkimVerifier.verify(arrived, pdns.dnsPort());
            assertFalse(withdrawn.pass(), withdrawn.log());
        } finally {
            pdns.deleteRecord(recordName(ours), "TXT");
        }
    }

    private static String recordName(DkimKey key) {
        return key.selector() + "._domainkey." + DOMAIN;
    }

    /** A password-reset mail in Russian (encoded From name and Subject, base64 and QP parts). */
    private static ComposedMail composed() {
        TenantSnapshot tenant = new TenantSnapshot(7, TenantKind.RESELLER, "acme", "Acme", TenantStatus.ACTIVE, "base",
                "ru", "Europe/Berlin", "EUR", true, false, "portal." + DOMAIN, "Acme Облако", "support@" + DOMAIN,
                "#0055aa", "#ff8800", "Acme Cloud GmbH · Köln", null, null, "abc123");
        return composer.compose(tenant, Locale.forLanguageTag("ru"), "password-reset", "carla@customer.example",
                Map.of("resetUrl", "https://portal." + DOMAIN + "/reset?t=1"),
                new MailComposer.Threading(null, "<earlier@portal." + DOMAIN + ">", true));
    }

    /**
     * Sends through {@link MailTransport}, as the outbox does, and returns the mail as GreenMail stored
     * it: its {@code Return-Path} and {@code Received} in front (not signed, so no harm).
     */
    private static byte[] sendAndReceive(byte[] signed) throws Exception {
        int before = smtp.getReceivedMessages().length;
        transport.send(++outboxId, signed, new SmtpRelay("127.0.0.1", smtp.getSmtp().getPort(), false, null, null));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(before + 1, received.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        received[received.length - 1].writeTo(out); // parsed and unchanged: its raw bytes
        return out.toByteArray();
    }

    /** The strings of the TXT record a resolver gets from the server. */
    private static List<String> txt(String name) throws IOException {
        SimpleResolver resolver = new SimpleResolver(InetAddress.getByName("127.0.0.1"));
        resolver.setPort(pdns.dnsPort());
        resolver.setTimeout(Duration.ofSeconds(3));
        Message answer = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.TXT, DClass.IN)));
        List<String> strings = new ArrayList<>();
        for (Record record : answer.getSection(Section.ANSWER)) {
            if (record instanceof TXTRecord txt) {
                strings.addAll(txt.getStrings());
            }
        }
        return strings;
    }

    /*
     * The portal's own MailTransport and MailComposer, outside the container: their collaborators are
     * package-private fields the container injects, so they are set here by reflection (portal-ejb's
     * DkimSignedMailTest does the same in the package, for every template).
     */

    private static MailTransport transport() throws Exception {
        MailTransport transport = new MailTransport();
        set(transport, "config", new MarqueConfig());
        Method init = MailTransport.class.getDeclaredMethod("init");
        init.setAccessible(true);
        init.invoke(transport);
        return transport;
    }

    private static MailComposer composer(MailTransport transport) throws Exception {
        MailComposer composer = new MailComposer();
        set(composer, "config", new MarqueConfig());
        set(composer, "themes", new Themes(new ThemeRegistry(MailComposer.class.getClassLoader(), null)));
        set(composer, "transport", transport);
        set(composer, "mailDomains", new io.marque.portal.domains.MailDomains() {
            @Override
            public java.util.Optional<Signing> of(long tenantId) {
                return java.util.Optional.empty(); // the test signs itself, as the outbox does
            }
        });
        return composer;
    }

    private static void set(Object target, String field, Object value) throws Exception {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
