package io.marque.portal.domains.dkim;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signature's header: its tags, its folding, and that jDKIM's own verifier accepts it (dkimpy
 * against a real DNS server does so in portal-ear's DkimSignatureIT).
 */
class DkimSignerTest {

    private static final String MAIL = "From: Acme Cloud <support@mail.acme.example>\r\n"
            + "Reply-To: Acme Cloud <support@mail.acme.example>\r\n"
            + "To: carla@customer.example\r\n"
            + "Message-ID: <1b2c@portal.acme.example>\r\n"
            + "Subject: =?UTF-8?B?0KHQsdGA0L7RgSDQv9Cw0YDQvtC70Y8=?=\r\n"
            + "Date: Tue, 3 Nov 2026 10:00:00 +0100\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: 7bit\r\n"
            + "\r\n"
            + "Hello Carla,\r\n\r\nyour password.\r\n";

    private static DkimKey key;
    private static DkimSigner signer;

    @BeforeAll
    static void keys() {
        key = DkimKey.generate("m202611");
        signer = new DkimSigner("mail.acme.example", key,
                Clock.fixed(Instant.parse("2026-11-03T09:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void theSignatureIsTheFirstHeaderAndTheMailFollowsUnchanged() {
        byte[] signed = signer.sign(MAIL.getBytes(US_ASCII));
        String text = new String(signed, US_ASCII);
        assertTrue(text.startsWith("DKIM-Signature: "), text);
        String field = field(text);
        assertEquals(MAIL, text.substring(field.length() + 2), "the mail after the signature, byte for byte");

        String tags = field.replaceAll("\r\n[\t ]", " ");
        assertEquals("1", tag(tags, "v"));
        assertEquals("rsa-sha256", tag(tags, "a"));
        assertEquals("relaxed/relaxed", tag(tags, "c"));
        assertEquals("mail.acme.example", tag(tags, "d"));
        assertEquals("m202611", tag(tags, "s"));
        assertEquals(String.valueOf(Instant.parse("2026-11-03T09:00:00Z").getEpochSecond()), tag(tags, "t"));
        assertTrue(tag(tags, "bh").matches("[A-Za-z0-9+/]{43}="), "a SHA-256 in Base64: " + tag(tags, "bh"));
        assertTrue(tag(tags, "b").replace(" ", "").matches("[A-Za-z0-9+/]{342}=="), "2048 bits in Base64");
    }

    @Test
    void presentHeadersAreSignedOnceMoreAndAbsentOnesOnce() {
        String tags = field(new String(signer.sign(MAIL.getBytes(US_ASCII)), US_ASCII)).replaceAll("\r\n[\t ]", "");
        List<String> h = Arrays.asList(tag(tags, "h").split(":"));
        assertEquals(List.of("from", "from", "to", "to", "cc", "reply-to", "reply-to", "subject", "subject", "date",
                "date", "message-id", "message-id", "in-reply-to", "references", "mime-version", "mime-version",
                "content-type", "content-type"), h);
    }

    @Test
    void noLineOfTheSignatureIsLongerThan78Characters() {
        String field = field(new String(signer.sign(MAIL.getBytes(US_ASCII)), US_ASCII));
        for (String line : field.split("\r\n")) {
            assertTrue(line.length() <= 78, line.length() + ": " + line);
        }
        assertTrue(field.split("\r\n").length > 5, "folded:\n" + field);
        for (String line : field.split("\r\n")) {
            assertTrue(line.startsWith("DKIM-Signature: ") || line.startsWith("\t"), "continuation: " + line);
        }
    }

    @Test
    void jdkimsVerifierAcceptsItAndRejectsAChangedBodyOrSubject() throws Exception {
        byte[] signed = signer.sign(MAIL.getBytes(US_ASCII));
        List<SignatureRecord> records = verifier(key).verify(new ByteArrayInputStream(signed));
        assertEquals(1, records.size());
        assertEquals("mail.acme.example", records.get(0).getDToken().toString());

        byte[] body = new String(signed, US_ASCII).replace("your password", "your passw0rd").getBytes(US_ASCII);
        assertThrows(FailException.class, () -> verifier(key).verify(new ByteArrayInputStream(body)));
        byte[] subject = new String(signed, US_ASCII).replace("Subject: =?UTF-8?B?0KHQsdGA", "Subject: =?UTF-8?B?0KHQsdGB")
                .getBytes(US_ASCII);
        assertThrows(FailException.class, () -> verifier(key).verify(new ByteArrayInputStream(subject)));
        byte[] added = new String(signed, US_ASCII).replace("To: carla", "Cc: eve@attacker.example\r\nTo: carla")
                .getBytes(US_ASCII);
        assertThrows(FailException.class, () -> verifier(key).verify(new ByteArrayInputStream(added)),
                "an absent header was signed as absent");
        assertThrows(FailException.class, () -> verifier(DkimKey.generate("m202611")).verify(new ByteArrayInputStream(signed)),
                "another key");
    }

    @Test
    void relaxedCanonicalizationToleratesRefoldedHeaders() throws Exception {
        String refolded = new String(signer.sign(MAIL.getBytes(US_ASCII)), US_ASCII)
                .replace("Subject: =?UTF-8?B?", "Subject:   \r\n =?UTF-8?B?");
        assertEquals(1, verifier(key).verify(new ByteArrayInputStream(refolded.getBytes(US_ASCII))).size());
    }

    @Test
    void bareLineFeedsBecomeCrlfBeforeSigning() throws Exception {
        byte[] signed = signer.sign(MAIL.replace("\r\n", "\n").getBytes(US_ASCII));
        String text = new String(signed, US_ASCII);
        assertEquals(MAIL, text.substring(field(text).length() + 2));
        assertEquals(1, verifier(key).verify(new ByteArrayInputStream(signed)).size());
        assertArrayEquals("a\r\nb\r\nc\r\n\r\n".getBytes(US_ASCII), DkimSigner.crlf("a\nb\rc\r\n\n".getBytes(US_ASCII)));
    }

    @Test
    void aRawUtf8HeaderIsRefusedRatherThanSignedWrongly() {
        byte[] raw = MAIL.replace("Subject: =?UTF-8?B?0KHQsdGA0L7RgSDQv9Cw0YDQvtC70Y8=?=", "Subject: Сброс пароля")
                .getBytes(UTF_8);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> signer.sign(raw));
        assertTrue(refused.getMessage().contains("ASCII"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> signer.sign("no header at all".getBytes(US_ASCII)));
    }

    @Test
    void theDomainIsSignedInItsAsciiForm() {
        assertEquals("xn--bcher-kva.example", new DkimSigner("Bücher.Example.", key).domain());
        for (String bad : new String[] {null, " ", "localhost", "a..b", "exa mple.com"}) {
            assertThrows(IllegalArgumentException.class, () -> new DkimSigner(bad, key), String.valueOf(bad));
        }
    }

    /** jDKIM's verifier with the key "published" in memory. */
    private static DKIMVerifier verifier(DkimKey published) {
        return new DKIMVerifier((method, selector, domain) -> {
            assertEquals("m202611", selector.toString());
            assertEquals("mail.acme.example", domain.toString());
            return List.of(published.dnsRecordValue());
        });
    }

    /** The DKIM-Signature field, folding included, without its final CRLF. */
    private static String field(String mail) {
        Matcher m = Pattern.compile("^DKIM-Signature:.*?\r\n(?![\t ])", Pattern.DOTALL).matcher(mail);
        assertTrue(m.find(), mail);
        return m.group().substring(0, m.group().length() - 2);
    }

    private static String tag(String tags, String name) {
        Matcher m = Pattern.compile("[:;\\s]" + name + "=([^;]*);").matcher(tags);
        assertTrue(m.find(), name + " in " + tags);
        return m.group(1).strip();
    }
}
