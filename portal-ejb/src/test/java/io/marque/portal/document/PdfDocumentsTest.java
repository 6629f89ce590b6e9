package io.marque.portal.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.marque.portal.tenant.TenantKind;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.TenantStatus;
import io.marque.portal.tenant.Themes;
import io.marque.portal.tenant.theme.ThemeRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The page frame of every branded PDF (ticket transcripts use it as it is). */
class PdfDocumentsTest {

    private final PdfDocuments documents = new PdfDocuments(
            new Themes(new ThemeRegistry(getClass().getClassLoader(), null)));
    private final TenantSnapshot site = new TenantSnapshot(7L, TenantKind.RESELLER, "blue", "blue", TenantStatus.ACTIVE,
            "harbor", "ru", "Europe/Moscow", "RUB", false, false, "bluebird.localhost", "Синяя птица", "help@blue.test",
            "#1d4ed8", "#f59e0b", null, null, null, "hash");

    @Test
    void aDocumentInThePageFrameKeepsCyrillicTextAndNamesOnlyTheBrand() throws Exception {
        byte[] pdf = documents.render(site, Locale.forLanguageTag("ru"), "#12 · Сервер не отвечает",
                "<p>Здравствуйте! Сервер web-01 недоступен с 9:00.</p>");

        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertTrue(text.contains("Здравствуйте! Сервер web-01 недоступен с 9:00."), text);
        assertTrue(text.contains("Синяя птица"), "the brand in the page header: " + text);
        Map<String, String> info = reader.getInfo();
        assertEquals("#12 · Сервер не отвечает", info.get("Title"));
        assertEquals("Синяя птица", info.get("Author"));
        assertEquals("Синяя птица", info.get("Producer"));
        assertEquals("Синяя птица", info.get("Creator"));
    }

    @Test
    void theTenantsOwnValuesCannotBeReplacedOrMadeRaw() throws Exception {
        byte[] pdf = documents.render(site, Locale.ENGLISH, PdfDocuments.DOCUMENT, "<b>Title</b>",
                Map.of("brandName", "Someone else", "content", "<p>body</p>"), Set.of("content", "title"));

        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertTrue(text.contains("<b>Title</b>"), "the title stays text: " + text);
        assertTrue(text.contains("Синяя птица") && !text.contains("Someone else"), text);
        assertEquals("Синяя птица", reader.getInfo().get("Author"));
    }

    @Test
    void aTemplateNoThemeHasIsAClearError() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> documents.render(site,
                Locale.ENGLISH, "pdf/no-such.xhtml", "x", Map.of(), Set.of()));
        assertTrue(missing.getMessage().contains("pdf/no-such.xhtml"), missing.getMessage());
    }
}
