package io.marque.portal.document;

import com.lowagie.text.pdf.BaseFont;
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
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * Renders a PDF in a tenant's brand from one of its theme's XHTML templates: {@code pdf/document.xhtml}
 * (a page frame around content the caller has rendered) or a template of its own such as
 * {@code pdf/invoice.xhtml}. The template's {@code <title>} and {@code <meta>} tags become the document's
 * title, author and subject. The producer and creator, which the PDF library would otherwise sign with
 * its own name and version, are the tenant's name too (law 2: PDFs with their metadata).
 *
 * <p>Every template gets {@code ${title}}, {@code ${brandName}}, {@code ${footer}}, {@code ${colorPrimary}}
 * and {@code ${lang}} from the tenant; the caller adds its own values. All values are XHTML-escaped
 * except those the caller names as raw (fragments it has rendered and escaped itself).
 *
 * <p>The PDF's base fonts (Helvetica, Times, Courier) cover Western European text only: Cyrillic text in
 * them simply vanishes. Every document therefore also has the font family {@value #UNICODE_FAMILY}
 * (Latin, Cyrillic and Greek; shipped inside the PDF library, embedded as a subset of the glyphs used),
 * which the templates name first in their {@code font-family}.
 */
@ApplicationScoped
public class PdfDocuments {

    /** The page frame that {@link #render(TenantSnapshot, Locale, String, String)} fills. */
    public static final String DOCUMENT = "pdf/document.xhtml";

    /** The font family every document has besides the PDF base fonts; templates name it in CSS. */
    public static final String UNICODE_FAMILY = "Liberation Sans";

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    @Inject
    Themes themes;

    /** For the container. */
    public PdfDocuments() {
    }

    /** Without a container (unit tests, the benchmark). */
    public PdfDocuments(Themes themes) {
        this.themes = themes;
    }

    /**
     * A document in the theme's page frame {@code pdf/document.xhtml}.
     *
     * @param title        the document's title, plain text
     * @param contentXhtml the body, well-formed XHTML in which every user-supplied text is escaped
     */
    public byte[] render(TenantSnapshot tenant, Locale locale, String title, String contentXhtml) {
        return render(tenant, locale, DOCUMENT, title, Map.of("content", contentXhtml), Set.of("content"));
    }

    /**
     * A document from one of the theme's templates.
     *
     * @param template  a path inside the theme, e.g. {@code pdf/invoice.xhtml}; inherited from the parent
     *                  themes like any theme file
     * @param title     the document's title, plain text
     * @param values    the template's own {@code ${placeholders}}; a null value counts as empty. The
     *                  tenant's values ({@code title}, {@code brandName}, {@code footer},
     *                  {@code colorPrimary}, {@code lang}) cannot be replaced through this map
     * @param rawValues the names among {@code values} that hold well-formed XHTML the caller has escaped;
     *                  every other value is escaped here
     * @throws IllegalStateException when the theme chain has no such template or it does not render
     */
    public byte[] render(TenantSnapshot tenant, Locale locale, String template, String title,
            Map<String, String> values, Set<String> rawValues) {
        Theme theme = themes.of(tenant);
        String page = theme.text(template)
                .orElseThrow(() -> new IllegalStateException("Theme " + theme.name() + " has no " + template));
        Map<String, String> all = new HashMap<>();
        values.forEach((name, value) -> all.put(name, value == null ? "" : value));
        all.put("title", nonNull(title));
        all.put("brandName", nonNull(tenant.displayName()));
        all.put("footer", nonNull(tenant.footerText()));
        all.put("colorPrimary", color(tenant, theme));
        all.put("lang", locale.getLanguage());
        Set<String> raw = new HashSet<>(rawValues);
        raw.removeAll(Set.of("title", "brandName", "footer", "colorPrimary", "lang"));
        String xhtml = TemplateText.render(page, all, raw, key -> theme.message(locale, key), true);
        try {
            ITextRenderer renderer = new ITextRenderer();
            UnicodeFont.addTo(renderer);
            String brand = nonNull(tenant.displayName());
            renderer.setListener(new DefaultPDFCreationListener() {
                @Override
                public void onClose(ITextRenderer closing) {
                    closing.getWriter().getInfo().put(PdfName.PRODUCER, new PdfString(brand, PdfString.TEXT_UNICODE));
                    closing.getWriter().getInfo().put(PdfName.CREATOR, new PdfString(brand, PdfString.TEXT_UNICODE));
                }
            });
            renderer.setDocumentFromString(xhtml);
            renderer.layout();
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            renderer.createPDF(out);
            return out.toByteArray();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The PDF could not be rendered from " + template, e);
        }
    }

    /** The brand colour as stored (validated when saved); the theme's when there is none. */
    private static String color(TenantSnapshot tenant, Theme theme) {
        String own = tenant.colorPrimary();
        if (own != null && COLOR.matcher(own).matches()) {
            return own;
        }
        String themed = theme.property("color.primary");
        return themed != null && COLOR.matcher(themed).matches() ? themed : "#1f2937";
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /**
     * The Unicode font, loaded once. Registering a TrueType font with a renderer re-reads the whole file
     * (~2 ms, as long as a small document takes to lay out), so the font family is built once on a
     * resolver of its own and handed to each renderer's resolver: a {@link FontFamily} and its
     * descriptions are only read while rendering, and OpenPDF shares a {@link BaseFont} between
     * documents (each document keeps its own record of the glyphs it used for its subset).
     */
    private static final class UnicodeFont {

        /** Inside the OpenPDF jar, which uses it as its own fallback; SIL Open Font License. */
        private static final String RESOURCE = "font-fallback/LiberationSans-Regular.ttf";
        /** The family, or null when it could not be loaded (then {@link #FAILURE} says why). */
        private static final FontFamily FAMILY;
        private static final Exception FAILURE;

        static {
            FontFamily family = null;
            Exception failure = null;
            try {
                BaseFont font = BaseFont.createFont(RESOURCE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                ITextFontResolver loader = new ITextFontResolver();
                loader.addFont(font, RESOURCE, UNICODE_FAMILY);
                family = loader.getFonts().get(UNICODE_FAMILY);
                if (family == null || family.getFontDescriptions().isEmpty()) {
                    family = null;
                    failure = new IllegalStateException("the resolver made no font family of it");
                }
            } catch (Exception e) {
                failure = e;
            }
            FAMILY = family;
            FAILURE = failure;
        }

        /** @throws IllegalStateException when the font is missing: a packaging error, not bad input */
        static void addTo(ITextRenderer renderer) {
            if (FAMILY == null) {
                throw new IllegalStateException("The PDF font " + RESOURCE + " cannot be loaded", FAILURE);
            }
            ((ITextFontResolver) renderer.getFontResolver()).getFonts().put(UNICODE_FAMILY, FAMILY);
        }
    }
}
