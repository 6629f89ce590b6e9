package io.marque.portal.ticket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.marque.portal.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attachments are typed by their bytes, named so they cannot mislead, and kept within the limits;
 * nothing a browser would run gets through under any name.
 */
class AttachmentPolicyTest {

    private static final String TEXT = "text/plain; charset=UTF-8";

    private final AttachmentPolicy policy = new AttachmentPolicy();

    // --- accepted types ------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "png,  shot.png,       image/png",
        "png,  SHOT.PNG,       image/png",
        "jpeg, photo.jpg,      image/jpeg",
        "jpeg, photo.JPEG,     image/jpeg",
        "gif,  anim.gif,       image/gif",
        "webp, pic.webp,       image/webp",
        "pdf,  invoice.pdf,    application/pdf",
        "zip,  logs.zip,       application/zip",
        "zip,  letter.docx,    application/zip",
        "zip,  sheet.xlsx,     application/zip",
        "zip,  slides.pptx,    application/zip",
        "zip,  letter.odt,     application/zip",
        "zip,  sheet.ods,      application/zip",
        "gzip, dump.gz,        application/gzip",
        "gzip, backup.tar.gz,  application/gzip",
        "gzip, site.tgz,       application/gzip",
    })
    void acceptsBinaryTypesUnderTheirOwnExtensions(String kind, String name, String contentType) {
        assertEquals(new AttachmentPolicy.Accepted(name, contentType), policy.check(name, sample(kind)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.txt", "a.log", "a.csv", "a.conf", "a.cfg", "a.ini", "a.json", "a.yaml", "a.yml",
        "a.md", "A.TXT"})
    void acceptsTextUnderTextExtensions(String name) {
        assertEquals(new AttachmentPolicy.Accepted(name, TEXT), policy.check(name, utf8("key = value\n")));
    }

    @Test
    void textMayHoldAnyUnicodeTabsLineEndsAndFormFeeds() {
        byte[] text = utf8("\uFEFFСервер\tнедоступен 😀\r\nstrasse=straße\fpage 2\n");
        assertEquals(TEXT, policy.check("notes.txt", text).contentType());
    }

    @Test
    void htmlInATextFileIsStillPlainText() {
        // a polyglot is harmless as text/plain: it is served as a download with nosniff
        byte[] html = utf8("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
        assertEquals(new AttachmentPolicy.Accepted("notes.txt", TEXT), policy.check("notes.txt", html));
    }

    // --- refused types -------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"page.html", "page.htm", "page.HTML", "data.xml", "app.js", "image.svg", "page.xhtml",
        "notes.txt.html", "run.sh", "README"})
    void textUnderOtherExtensionsIsRefused(String name) {
        assertRefused("error.attachment.type", name, utf8("<html><script>alert(1)</script></html>"));
    }

    @Test
    void svgIsRefusedEvenWhenNamedAsAnImage() {
        byte[] svg = utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        assertRefused("error.attachment.type", "logo.png", svg);
        assertRefused("error.attachment.type", "logo.svg", svg);
        assertRefused("error.attachment.type", "logo.jpg", svg);
    }

    @Test
    void theExtensionMustBelongToTheContent() {
        assertRefused("error.attachment.type", "x.png", sample("pdf"));
        assertRefused("error.attachment.type", "x.jpg", sample("png"));
        assertRefused("error.attachment.type", "x.pdf", sample("zip"));
        assertRefused("error.attachment.type", "x.docx", sample("gzip"));
        assertRefused("error.attachment.type", "x.zip", sample("pdf"));
        assertRefused("error.attachment.type", "x.txt", sample("png"));
        assertRefused("error.attachment.type", "x.gz", utf8("just text"));
        assertRefused("error.attachment.type", "x.jar", sample("zip"));
    }

    @Test
    void unknownBinariesAreRefused() {
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        assertRefused("error.attachment.type", "setup.exe", exe);
        assertRefused("error.attachment.type", "setup.txt", exe);
        assertRefused("error.attachment.type", "x.bmp", new byte[] {'B', 'M', 0x36, 0, 0, 0});
    }

    @ParameterizedTest
    @ValueSource(strings = {"NUL \u0000 inside", "escape \u001b[31m red", "bell \u0007", "vertical \u000b tab",
        "backspace \b", "unit separator \u001f"})
    void textWithControlCharactersIsNotText(String content) {
        assertRefused("error.attachment.type", "x.txt", utf8(content));
    }

    @Test
    void invalidUtf8IsNotText() {
        assertRefused("error.attachment.type", "latin1.txt", "café".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused("error.attachment.type", "utf16.txt", "hello".getBytes(StandardCharsets.UTF_16LE));
        assertRefused("error.attachment.type", "cut.txt", Arrays.copyOf(utf8("я"), 1));
        assertRefused("error.attachment.type", "overlong.txt", new byte[] {'a', (byte) 0xC0, (byte) 0xAF});
        assertRefused("error.attachment.type", "surrogate.txt", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
    }

    @Test
    void aTruncatedMagicNumberIsNotThatType() {
        assertRefused("error.attachment.type", "x.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertRefused("error.attachment.type", "x.pdf", utf8("%PDF"));
        assertRefused("error.attachment.type", "x.webp", utf8("RIFF\0\0\0\0WAVE"));
    }

    // --- sizes ---------------------------------------------------------------------------------

    @Test
    void refusesEmptyFiles() {
        assertRefused("error.attachment.empty", "a.txt", new byte[0]);
        assertRefused("error.attachment.empty", "a.txt", null);
        assertRefused("error.attachment.empty", null, null);
    }

    @Test
    void acceptsExactlyTheLimitAndRefusesOneByteMore() {
        byte[] atLimit = new byte[AttachmentPolicy.MAX_BYTES];
        Arrays.fill(atLimit, (byte) 'a');
        assertEquals(TEXT, policy.check("big.txt", atLimit).contentType());

        byte[] over = Arrays.copyOf(sample("pdf"), AttachmentPolicy.MAX_BYTES + 1);
        assertRefused("error.attachment.size", "big.pdf", over);
        assertRefused("error.attachment.size", "page.html", over);
    }

    @Test
    void countsAndTotalsPerMessage() {
        assertDoesNotThrow(() -> policy.checkCount(0, 0));
        assertDoesNotThrow(() -> policy.checkCount(AttachmentPolicy.MAX_FILES, AttachmentPolicy.MAX_TOTAL_BYTES));
        assertRefusedCount("error.attachment.count", AttachmentPolicy.MAX_FILES + 1, 10);
        assertRefusedCount("error.attachment.total", 3, AttachmentPolicy.MAX_TOTAL_BYTES + 1);
        assertRefusedCount("error.attachment.count", 6, AttachmentPolicy.MAX_TOTAL_BYTES + 1);
        assertThrows(IllegalArgumentException.class, () -> policy.checkCount(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> policy.checkCount(1, -1));
    }

    @Test
    void theLimitsAreAsAnnounced() {
        assertEquals(5, AttachmentPolicy.MAX_FILES);
        assertEquals(10_485_760, AttachmentPolicy.MAX_BYTES);
        assertEquals(26_214_400L, AttachmentPolicy.MAX_TOTAL_BYTES);
    }

    // --- names ---------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../../etc/passwd.txt        | passwd.txt",
        "C:\\x\\y.log                | y.log",
        "..\\..\\windows\\win.ini    | win.ini",
        "/home/jane/Documents/a.txt  | a.txt",
        "mixed/dirs\\and/more\\b.txt | b.txt",
        "..hidden.txt                | hidden.txt",
        "report.txt.                 | report.txt",
        "'  my   notes\t2026 .txt  ' | my notes 2026 .txt",
        "'a\nb.txt'                  | a b.txt",
        "'re\u0000port\u0007.txt'    | report.txt",
        "Отчёт за май.txt            | Отчёт за май.txt",
    })
    void namesAreReducedToTheirLastSegmentAndCleaned(String submitted, String kept) {
        assertEquals(kept, policy.check(submitted, utf8("text")).fileName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "....", ". . .", ".txt", "..txt", " . txt", "dir/", "a/b/", "C:\\x\\",
        "\u202E\u2066", "/.txt"})
    void namesWithNothingLeftAreRefused(String submitted) {
        assertRefused("error.attachment.name", submitted, utf8("text"));
    }

    @Test
    void aMissingNameIsRefused() {
        assertRefused("error.attachment.name", null, utf8("text"));
    }

    @Test
    void rightToLeftOverrideCannotDisguiseAnExtension() {
        // shown as "invoiceexe.jpg" if the override survived
        assertRefused("error.attachment.type", "invoice\u202Egpj.exe", new byte[] {'M', 'Z', 0, 0});
        assertRefused("error.attachment.type", "invoice\u202Egpj.exe", sample("jpeg"));
        assertRefused("error.attachment.type", "invoice\u202Egpj.exe", utf8("text"));
    }

    @Test
    void bidirectionalControlsAreRemovedFromAcceptedNames() {
        assertEquals("reportfdp.txt", policy.check("report\u202Efdp.txt", utf8("text")).fileName());
        assertEquals("ab.pdf", policy.check("\u2066a\u2069\u202Ab\u202C\u200F.pdf", sample("pdf")).fileName());
        assertEquals("x.txt", policy.check("x\u2067\u2068\u202B\u202D\u200E\u061C.txt", utf8("text")).fileName());
    }

    @Test
    void longNamesKeepTheirExtension() {
        String kept = policy.check("a".repeat(200) + ".txt", utf8("text")).fileName();
        assertEquals("a".repeat(116) + ".txt", kept);

        String emoji = policy.check("😀".repeat(130) + ".pdf", sample("pdf")).fileName();
        assertEquals("😀".repeat(116) + ".pdf", emoji);
        assertEquals(120, emoji.codePointCount(0, emoji.length()));

        String exactly = "b".repeat(116) + ".log";
        assertEquals(exactly, policy.check(exactly, utf8("text")).fileName());
    }

    @Test
    void aShortenedNameEndsWithoutDotsOrSpacesBeforeItsExtension() {
        String name = "d".repeat(110) + "   . . . . . . . . . . . . . . . . . . . . z.txt";
        String kept = policy.check(name, utf8("text")).fileName();
        assertEquals("d".repeat(110) + ".txt", kept);
    }

    @Test
    void refusalsNameTheAttachmentsField() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> policy.check("x.html", utf8("x")));
        assertEquals(Map.of("attachments", "error.attachment.type"), e.problems());
    }

    // --- helpers -------------------------------------------------------------------------------

    private void assertRefused(String key, String name, byte[] content) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> policy.check(name, content));
        assertEquals(Map.of(AttachmentPolicy.FIELD, key), e.problems());
    }

    private void assertRefusedCount(String key, int files, long totalBytes) {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> policy.checkCount(files, totalBytes));
        assertEquals(Map.of(AttachmentPolicy.FIELD, key), e.problems());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The first bytes of a file of each kind, followed by some filler. */
    private static byte[] sample(String kind) {
        byte[] head = switch (kind) {
            case "png" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H'};
            case "jpeg" -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
            case "gif" -> utf8("GIF89a\u0001\u0000\u0001\u0000");
            case "webp" -> utf8("RIFF\u001a\u0000\u0000\u0000WEBPVP8L");
            case "pdf" -> utf8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n");
            case "zip" -> new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
            case "gzip" -> new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3};
            default -> throw new IllegalArgumentException(kind);
        };
        byte[] file = Arrays.copyOf(head, head.length + 64);
        file[file.length - 1] = 0;
        return file;
    }
}
