package io.marque.portal.billing.invoice;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.marque.portal.billing.Money;
import io.marque.portal.tenant.TenantKind;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.TenantStatus;
import io.marque.portal.tenant.Themes;
import io.marque.portal.tenant.theme.ThemeRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Invoices, tenants and the built-in themes for the PDF tests and the benchmark; no container. */
final class InvoiceSamples {

    private InvoiceSamples() {
    }

    /** The built-in themes from the themes module on the class path. */
    static Themes themes() {
        return new Themes(new ThemeRegistry(InvoiceSamples.class.getClassLoader(), null));
    }

    /** A reseller as its site sees it, in the given theme. */
    static TenantSnapshot reseller(String theme) {
        return new TenantSnapshot(42L, TenantKind.RESELLER, "acme", "acme", TenantStatus.ACTIVE, theme, "en",
                "Europe/Berlin", "EUR", false, false, "acme.localhost", "Acme Cloud", "billing@acme.test", "#0f766e",
                "#f59e0b", "Acme Cloud GmbH · Hauptstraße 1 · Berlin", null, null, "brand-hash");
    }

    static InvoiceDocument.Issuer issuer() {
        return new InvoiceDocument.Issuer("Acme Cloud GmbH", List.of("Hauptstraße 1", "10115 Berlin"), "HRB 123456",
                "DE123456789", "IBAN DE89 3704 0044 0532 0130 00\nBIC COBADEFFXXX");
    }

    static InvoiceDocument.Recipient customer() {
        return InvoiceDocument.Recipient.person("Carla Customer", "Carla's Bakery", "carla@example.com");
    }

    static InvoiceDocument.Line line(String description, int quantity, String unit) {
        Money each = new Money(new BigDecimal(unit), "EUR");
        return new InvoiceDocument.Line(description, quantity, each, each.times(quantity));
    }

    /** A customer invoice over {@code lines} with 19 % VAT, issued on 1 November 2026, due in 14 days. */
    static InvoiceDocument invoice(String number, InvoiceStatus status, Money lateFee, Instant paidAt,
            List<InvoiceDocument.Line> lines) {
        InvoiceTotals totals = InvoiceTotals.of(lines.stream().map(InvoiceDocument.Line::amount).toList(), "EUR", "VAT",
                new BigDecimal("19"));
        return new InvoiceDocument(InvoiceKind.CUSTOMER, number, status, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 15), null, "EUR", issuer(), customer(), lines, totals.subtotal(), totals.taxLabel(),
                totals.taxRate(), totals.tax(), lateFee, totals.total().plus(lateFee), paidAt, null);
    }

    /** The usual three lines: a server, an add-on twice, a licence. */
    static List<InvoiceDocument.Line> threeLines() {
        return List.of(line("Dedicated server DS-64, November 2026", 1, "1234.50"), line("Extra IPv4 address", 2, "3.00"),
                line("Control panel licence", 1, "15.00"));
    }

    /** A credit note of {@code amount} for the invoice {@code credited}: negative line, tax and total. */
    static InvoiceDocument creditNote(String number, String credited, String amount) {
        List<InvoiceDocument.Line> lines = List.of(line("Refund: control panel licence", 1, "-" + amount));
        InvoiceTotals totals = InvoiceTotals.of(lines.stream().map(InvoiceDocument.Line::amount).toList(), "EUR", "VAT",
                new BigDecimal("19"));
        return new InvoiceDocument(InvoiceKind.CREDIT_NOTE, number, InvoiceStatus.ISSUED, LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 20), null, "EUR", issuer(), customer(), lines, totals.subtotal(), totals.taxLabel(),
                totals.taxRate(), totals.tax(), Money.zero("EUR"), totals.total(), null, credited);
    }

    /** The text of every page, with no-break spaces as plain spaces and runs of spaces as one. */
    static String text(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                pages.add(extractor.getTextFromPage(page));
            }
            reader.close();
            // the extractor puts a space of its own before a no-break space
            return String.join("\n", pages).replaceAll("[\u00a0\u202f]", " ").replaceAll(" {2,}", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
