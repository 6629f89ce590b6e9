package io.marque.portal.document;

import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import io.marque.portal.mail.TemplateText;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.Themes;
import io.marque.portal.tenant.theme.Theme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * Renders a PDF in a tenant's brand: the content (XHTML, already escaped by the caller) goes into the
 * theme's {@code pdf/document.xhtml}, whose {@code <title>} and {@code <meta>} tags become the
 * document's title, author and subject. The producer, which the PDF library would otherwise sign with
 * its own name and version, is the tenant's name too (law 2: PDFs with their metadata).
 */
@ApplicationScoped
public class PdfDocuments {

    @Inject
    Themes themes;

    /**
     * @param title        the document's title, plain text
     * @param contentXhtml the body, well-formed XHTML in which every user-supplied text is escaped
     */
    public byte[] render(TenantSnapshot tenant, Locale locale, String title, String contentXhtml) {
        Theme theme = themes.of(tenant);
        Map<String, String> values = new HashMap<>();
        values.put("title", title);
        values.put("brandName", tenant.displayName());
        values.put("footer", tenant.footerText());
        values.put("colorPrimary", tenant.colorPrimary());
        values.put("lang", locale.getLanguage());
        values.put("content", contentXhtml);
        String template = theme.text("pdf/document.xhtml")
                .orElseThrow(() -> new IllegalStateException("Theme " + theme.name() + " has no pdf/document.xhtml"));
        String xhtml = TemplateText.render(template, values, Set.of("content"), key -> theme.message(locale, key), true);
        try {
            ITextRenderer renderer = new ITextRenderer();
            renderer.setListener(new DefaultPDFCreationListener() {
                @Override
                public void onClose(ITextRenderer closing) {
                    closing.getWriter().getInfo().put(PdfName.PRODUCER, new PdfString(tenant.displayName(), PdfString.TEXT_UNICODE));
                    closing.getWriter().getInfo().put(PdfName.CREATOR, new PdfString(tenant.displayName(), PdfString.TEXT_UNICODE));
                }
            });
            renderer.setDocumentFromString(xhtml);
            renderer.layout();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            renderer.createPDF(out);
            return out.toByteArray();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The PDF could not be rendered", e);
        }
    }
}
