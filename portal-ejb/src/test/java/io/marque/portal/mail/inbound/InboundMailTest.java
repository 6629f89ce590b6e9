package io.marque.portal.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Raw mail as clients really send it becomes the sender, thread, text and files of a ticket reply. */
class InboundMailTest {

    private static final Charset KOI8_R = Charset.forName("KOI8-R");
    private static final Charset CP1251 = Charset.forName("windows-1251");

    private static final String HEADERS = """
            Return-Path: <jane.doe@example.com>
            Delivered-To: support@acme.example
            Message-ID: <CAF=abc123@mail.gmail.com>
            In-Reply-To: <ticket-1234-5@acme.example>
            References: <ticket-1234-1@acme.example>
             <ticket-1234-5@acme.example>
            Date: Tue, 3 Nov 2026 11:02:00 +0100
            From: Jane Doe <Jane.Doe@Example.COM>
            To: Acme Cloud Support <Support@Acme.Example>
            Subject: Re: [#1234] Server down
            MIME-Version: 1.0
            """;

    // --- headers -------------------------------------------------------------------------------

    @Test
    void aPlainMail() {
        InboundMail mail = InboundMail.parse(ascii(HEADERS + """
                Content-Type: text/plain; charset=us-ascii

                It is back, thanks!
                Jane
                """));
        assertEquals("<CAF=abc123@mail.gmail.com>", mail.messageId());
        assertEquals(List.of("<ticket-1234-5@acme.example>", "<ticket-1234-1@acme.example>"), mail.references());
        assertEquals("jane.doe@example.com", mail.fromAddress());
        assertEquals("Jane Doe", mail.fromName());
        assertEquals(List.of("support@acme.example"), mail.recipients());
        assertEquals("Re: [#1234] Server down", mail.subject());
        assertEquals("It is back, thanks!\nJane\n", mail.text());
        assertEquals(List.of(), mail.attachments());
        assertFalse(mail.automatic());
    }

    @Test
    void recipientsFromAllAddressHeadersOnceEachInOrder() {
        InboundMail mail = InboundMail.parse(ascii("""
                Delivered-To: b@acme.example
                Delivered-To: forward@acme.example
                X-Original-To: Support@acme.example
                From: jane@example.com
                To: "Acme, Support" <Support@Acme.example>, other@example.org,
                 undisclosed-recipients:;
                Cc: CC@example.org, SUPPORT@acme.example, Team: one@example.org, two@example.org;
                Subject: x

                body
                """));
        assertEquals(List.of("support@acme.example", "other@example.org", "cc@example.org", "one@example.org",
                "two@example.org", "b@acme.example", "forward@acme.example"), mail.recipients());
        assertEquals("", mail.fromName());
    }

    @Test
    void missingOptionalHeaders() {
        InboundMail mail = InboundMail.parse(ascii("From: jane@example.com\n\nhello\n"));
        assertNull(mail.messageId());
        assertEquals(List.of(), mail.references());
        assertEquals(List.of(), mail.recipients());
        assertEquals("", mail.subject());
        assertEquals("hello\n", mail.text());
    }

    @Test
    void referencesWithoutInReplyToAndEachIdOnce() {
        InboundMail mail = InboundMail.parse(ascii("""
                From: jane@example.com
                References: <a@x> <b@x>
                 <c@x> <a@x>

                hi
                """));
        assertEquals(List.of("<a@x>", "<b@x>", "<c@x>"), mail.references());
    }

    @Test
    void whitespaceBetweenEncodedWordsIsNotText() {
        // RFC 2047: only the words' own spaces count, so a space must be encoded to survive
        InboundMail mail = InboundMail.parse(ascii("From: a@example.com\nSubject: =?UTF-8?Q?a?= \n =?UTF-8?Q?b?=\n\nx"));
        assertEquals("ab", mail.subject());
    }

    @Test
    void encodedWordsInSubjectAndSenderName() {
        String subject = "Re: [#1234] Сервер недоступен";
        String name = "Иван Петров";
        InboundMail mail = InboundMail.parse(ascii("From: " + bWord("UTF-8", name, StandardCharsets.UTF_8)
                + " <ivan@example.ru>\nSubject: =?UTF-8?Q?Re:_[#1234]_?= " + bWord("UTF-8", "Сервер", StandardCharsets.UTF_8)
                + "\n =?UTF-8?Q?_=D0=BD=D0=B5=D0=B4=D0=BE=D1=81=D1=82=D1=83=D0=BF=D0=B5=D0=BD?=\n\nok\n"));
        assertEquals(subject, mail.subject());
        assertEquals(name, mail.fromName());
        assertEquals("ivan@example.ru", mail.fromAddress());
    }

    @Test
    void rawUtf8Headers() {
        InboundMail mail = InboundMail.parse(utf8("From: Иван <ivan@example.ru>\nSubject: Привет\n\nok\n"));
        assertEquals("Привет", mail.subject());
        assertEquals("Иван", mail.fromName());
    }

    // --- bodies --------------------------------------------------------------------------------

    @Test
    void multipartAlternativePrefersThePlainText() {
        InboundMail mail = InboundMail.parse(ascii(HEADERS + """
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset="UTF-8"

                Plain answer
                --alt
                Content-Type: text/html; charset="UTF-8"

                <div>HTML answer</div>
                --alt--
                """));
        assertEquals("Plain answer", mail.text());
        assertEquals(List.of(), mail.attachments());
    }

    @Test
    void htmlOnlyGoesThroughHtmlText() {
        InboundMail mail = InboundMail.parse(ascii(HEADERS + """
                Content-Type: text/html; charset=UTF-8

                <html><body><p>Hi <b>there</b>,</p><p>see <a href="https://example.com/log">the log</a></p>
                <script>alert(1)</script><blockquote type="cite">old</blockquote></body></html>
                """));
        assertEquals("Hi there,\n\nsee the log (https://example.com/log)", mail.text());
    }

    @Test
    void htmlOnlyAlternative() {
        InboundMail mail = InboundMail.parse(ascii(HEADERS + """
                Content-Type: multipart/alternative; boundary=b

                --b
                Content-Type: text/html; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                <div>Gr=C3=BC=C3=9Fe</div>
                --b--
                """));
        assertEquals("Grüße", mail.text());
    }

    @Test
    void quotedPrintableBody() {
        InboundMail mail = InboundMail.parse(ascii(HEADERS + """
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                Gr=C3=BC=C3=9Fe =E2=80=94 caf=C3=A9 a very long line that was wrapped by=
                 the client, and 1+1=3D2
                """));
        assertEquals("Grüße — café a very long line that was wrapped by the client, and 1+1=2\n", mail.text());
    }

    @Test
    void base64Body() {
        String text = "Сервер снова недоступен.\nИван";
        InboundMail mail = InboundMail.parse(ascii(HEADERS + "Content-Type: text/plain; charset=utf-8\n"
                + "Content-Transfer-Encoding: base64\n\n" + base64Lines(text.getBytes(StandardCharsets.UTF_8))));
        assertEquals(text, mail.text());
    }

    @Test
    void koi8rBodyAndSubject() {
        String text = "Здравствуйте!\nСайт не открывается с утра.\n";
        byte[] raw = concat(ascii("From: " + bWord("KOI8-R", "Пётр", KOI8_R) + " <petr@example.ru>\n"
                        + "Subject: " + bWord("KOI8-R", "Сайт не работает", KOI8_R) + "\n"
                        + "Content-Type: text/plain; charset=KOI8-R\nContent-Transfer-Encoding: 8bit\n\n"),
                crlf(text).getBytes(KOI8_R));
        InboundMail mail = InboundMail.parse(raw);
        assertEquals(text, mail.text());
        assertEquals("Сайт не работает", mail.subject());
        assertEquals("Пётр", mail.fromName());
    }

    @Test
    void windows1251BodyAndQuotedPrintableSubject() {
        String text = "Добрый день, счёт №42 оплачен.\n";
        byte[] raw = concat(ascii("From: " + bWord("windows-1251", "Ольга", CP1251) + " <olga@example.ru>\n"
                        + "Subject: =?windows-1251?Q?=D1=F7=B8=F2_=B942?=\n"
                        + "Content-Type: text/plain; charset=\"windows-1251\"\nContent-Transfer-Encoding: 8bit\n\n"),
                crlf(text).getBytes(CP1251));
        InboundMail mail = InboundMail.parse(raw);
        assertEquals(text, mail.text());
        assertEquals("Счёт №42", mail.subject());
        assertEquals("Ольга", mail.fromName());
    }

    @Test
    void windows1251InBase64Html() {
        byte[] html = "<p>Привет</p>".getBytes(CP1251);
        InboundMail mail = InboundMail.parse(ascii("From: a@example.ru\nContent-Type: text/html; charset=windows-1251\n"
                + "Content-Transfer-Encoding: base64\n\n" + base64Lines(html)));
        assertEquals("Привет", mail.text());
    }

    @Test
    void unknownOrMissingCharsetsAreReadAsUtf8() {
        byte[] body = crlf("Grüße\n").getBytes(StandardCharsets.UTF_8);
        assertEquals("Grüße\n", InboundMail.parse(concat(ascii("From: a@example.com\n"
                + "Content-Type: text/plain; charset=x-unknown-8bit\n\n"), body)).text());
        assertEquals("Grüße\n", InboundMail.parse(concat(ascii("From: a@example.com\n"
                + "Content-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\n"), body)).text());
    }

    @Test
    void anUnknownTransferEncodingIsTakenAsNone() {
        InboundMail mail = InboundMail.parse(ascii("From: a@example.com\nContent-Type: text/plain; charset=utf-8\n"
                + "Content-Transfer-Encoding: x-custom\n\nas is\n"));
        assertEquals("as is\n", mail.text());
    }

    @Test
    void noBodyAtAll() {
        assertEquals("", InboundMail.parse(ascii("From: a@example.com\nContent-Type: image/png\n\n")).text());
    }

    // --- attachments ---------------------------------------------------------------------------

    @Test
    void anAttachmentBesideTheText() {
        byte[] pdf = "%PDF-1.7\n%âã\n".getBytes(StandardCharsets.ISO_8859_1);
        InboundMail mail = InboundMail.parse(ascii(HEADERS + """
                Content-Type: multipart/mixed; boundary="mix"

                --mix
                Content-Type: text/plain; charset=UTF-8

                Invoice attached.
                --mix
                Content-Type: application/PDF; name="invoice-42.pdf"
                Content-Disposition: attachment; filename="invoice-42.pdf"
                Content-Transfer-Encoding: base64

                """ + base64Lines(pdf) + "--mix--\n"));
        assertEquals("Invoice attached.", mail.text());
        assertEquals(List.of(new InboundMail.Attachment("invoice-42.pdf", "application/pdf", pdf)), mail.attachments());
    }

    @Test
    void nestedMixedAlternativeAndRelated() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        byte[] logo = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 9};
        byte[] zip = {'P', 'K', 3, 4, 0, 0};
        InboundMail mail = InboundMail.parse(ascii(HEADERS + """
                Content-Type: multipart/mixed; boundary="outer"

                This is a multi-part message in MIME format.
                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                See the screenshot and the logs.=0A
                --inner
                Content-Type: multipart/related; boundary="rel"

                --rel
                Content-Type: text/html; charset=UTF-8

                <p>See the screenshot <img src="cid:shot@x"> and the logs.</p>
                --rel
                Content-Type: image/png; name="screenshot.png"
                Content-Disposition: inline; filename="screenshot.png"
                Content-ID: <shot@x>
                Content-Transfer-Encoding: base64

                """ + base64Lines(png) + """
                --rel
                Content-Type: image/png
                Content-ID: <logo@x>
                Content-Transfer-Encoding: base64

                """ + base64Lines(logo) + """
                --rel--
                --inner--
                --outer
                Content-Type: application/zip
                Content-Disposition: attachment; filename=logs.zip
                Content-Transfer-Encoding: base64

                """ + base64Lines(zip) + """
                --outer--
                """));
        assertEquals("See the screenshot and the logs.\n", mail.text());
        assertEquals(List.of(new InboundMail.Attachment("screenshot.png", "image/png", png),
                new InboundMail.Attachment("logs.zip", "application/zip", zip)), mail.attachments());
    }

    @Test
    void anAttachedTextFileIsNotTheBody() {
        InboundMail mail = InboundMail.parse(ascii("""
                From: a@example.com
                Content-Type: multipart/mixed; boundary=m

                --m
                Content-Type: text/plain; charset=UTF-8; name=server.log
                Content-Disposition: inline; filename=server.log

                log line
                --m
                Content-Type: text/plain; charset=UTF-8

                The real text.
                --m
                Content-Type: application/octet-stream
                Content-Disposition: attachment

                data
                --m--
                """));
        assertEquals("The real text.", mail.text());
        assertEquals(List.of(
                new InboundMail.Attachment("server.log", "text/plain", "log line".getBytes(StandardCharsets.US_ASCII)),
                new InboundMail.Attachment("", "application/octet-stream", "data".getBytes(StandardCharsets.US_ASCII))),
                mail.attachments());
    }

    @Test
    void encodedFileNames() {
        InboundMail mail = InboundMail.parse(ascii("""
                From: a@example.com
                Content-Type: multipart/mixed; boundary=m

                --m
                Content-Type: application/pdf
                Content-Disposition: attachment;
                 filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82.pdf

                x
                --m
                Content-Type: application/pdf; name="WORD"
                Content-Disposition: attachment; filename="WORD"

                y
                --m--
                """.replace("WORD", bWord("UTF-8", "счёт.pdf", StandardCharsets.UTF_8))));
        assertEquals(List.of("отчёт.pdf", "счёт.pdf"), mail.attachments().stream().map(InboundMail.Attachment::fileName)
                .toList());
    }

    @Test
    void attachmentsCompareByContent() {
        InboundMail.Attachment a = new InboundMail.Attachment("a.txt", "text/plain", new byte[] {1, 2});
        assertEquals(a, new InboundMail.Attachment("a.txt", "text/plain", new byte[] {1, 2}));
        assertEquals(a.hashCode(), new InboundMail.Attachment("a.txt", "text/plain", new byte[] {1, 2}).hashCode());
        assertFalse(a.equals(new InboundMail.Attachment("a.txt", "text/plain", new byte[] {1, 3})));
        assertEquals("Attachment[a.txt, text/plain, 2 bytes]", a.toString());
        assertArrayEquals(new byte[] {1, 2}, a.content());
    }

    // --- machines ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "Auto-Submitted: auto-replied",
        "Auto-Submitted: auto-generated",
        "Auto-Submitted: auto-replied; owner-email=\"x@example.com\"",
        "Precedence: bulk",
        "Precedence: junk",
        "Precedence: list",
        "Precedence: auto_reply",
        "Precedence: Bulk",
        "X-Autoreply: yes",
        "X-Autorespond: Out of office",
        "Return-Path: <>",
        "Return-Path: < >",
    })
    void automaticMail(String header) {
        assertTrue(InboundMail.parse(ascii("From: a@example.com\n" + header + "\nSubject: Away\n\nI am away.\n"))
                .automatic());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Auto-Submitted: no",
        "Auto-Submitted: No",
        "X-Auto-Response-Suppress: All",
        "X-Auto-Response-Suppress: DR, RN, NRN, OOF, AutoReply",
        "Precedence: first-class",
        "Return-Path: <a@example.com>",
        "X-Mailer: Microsoft Outlook 16.0",
    })
    void mailFromPeople(String header) {
        assertFalse(InboundMail.parse(ascii("From: a@example.com\n" + header + "\nSubject: Hi\n\nHi.\n")).automatic());
    }

    // --- refusals ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "To: support@acme.example\nSubject: no sender\n\nbody\n",
        "From: Jane Doe\nSubject: x\n\nbody\n",
        "From: undisclosed:;\n\nbody\n",
        "From: \n\nbody\n",
        "just some text without headers\n",
    })
    void refusesMailWithoutASender(String raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InboundMail.parse(ascii(raw)));
        assertEquals("The mail has no From address", e.getMessage());
    }

    @Test
    void refusesEmptyAndOversizedInput() {
        assertThrows(IllegalArgumentException.class, () -> InboundMail.parse(null));
        assertThrows(IllegalArgumentException.class, () -> InboundMail.parse(new byte[0]));
        byte[] huge = new byte[InboundMail.MAX_RAW_BYTES + 1];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InboundMail.parse(huge));
        assertTrue(e.getMessage().contains("more than the limit"), e.getMessage());
    }

    @Test
    void refusesAMultipartItCannotSplit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InboundMail.parse(ascii(
                "From: a@example.com\nContent-Type: multipart/mixed\n\nno boundary anywhere\n")));
        assertTrue(e.getMessage().startsWith("The mail cannot be read"), e.getMessage());
    }

    @Test
    void refusesAbsurdNesting() {
        StringBuilder raw = new StringBuilder("From: a@example.com\n");
        for (int i = 0; i < 20; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
        }
        raw.append("Content-Type: text/plain\n\ndeep\n");
        for (int i = 19; i >= 0; i--) {
            raw.append("--b").append(i).append("--\n");
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> InboundMail.parse(ascii(raw.toString())));
        assertTrue(e.getMessage().contains("deeper"), e.getMessage());
    }

    // --- helpers -------------------------------------------------------------------------------

    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static byte[] ascii(String raw) {
        return crlf(raw).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String raw) {
        return crlf(raw).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] head, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** An RFC 2047 encoded word in base64. */
    private static String bWord(String charsetName, String text, Charset charset) {
        return "=?" + charsetName + "?B?" + Base64.getEncoder().encodeToString(text.getBytes(charset)) + "?=";
    }

    private static String base64Lines(byte[] content) {
        return Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content) + "\n";
    }
}
