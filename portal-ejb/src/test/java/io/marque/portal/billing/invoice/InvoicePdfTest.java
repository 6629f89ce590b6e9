package io.marque.portal.billing.invoice;

import static io.marque.portal.billing.invoice.InvoiceSamples.creditNote;
import static io.marque.portal.billing.invoice.InvoiceSamples.invoice;
import static io.marque.portal.billing.invoice.InvoiceSamples.line;
import static io.marque.portal.billing.invoice.InvoiceSamples.reseller;
import static io.marque.portal.billing.invoice.InvoiceSamples.text;
import static io.marque.portal.billing.invoice.InvoiceSamples.threeLines;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import io.marque.portal.billing.Money;
import io.marque.portal.document.PdfDocuments;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.Themes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invoice PDFs rendered from the built-in themes and read back with the PDF library's own reader: what
 * they say, in which language, and that neither their text nor their metadata names anyone but the
 * issuing reseller (law 2).
 */
class InvoicePdfTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    /** Names that must never reach a reseller's customer: the provider, the software, the libraries. */
    private static final List<String> TRACES = List.of("marque", "northwind", "wildfly", "openpdf", "flying saucer",
            "xhtmlrenderer", "lowagie", "itext");

    private final Themes themes = InvoiceSamples.themes();
    private final InvoicePdf invoices = new InvoicePdf(new PdfDocuments(themes), themes);
    private final TenantSnapshot acme = reseller("aurora");

    @Test
    void anInvoiceShowsItsNumberDatesPartiesLinesAndTotals() {
        InvoiceDocument invoice = invoice("ACME-000042", InvoiceStatus.ISSUED, Money.zero("EUR"), null, threeLines());

        String text = text(invoices.render(acme, Locale.ENGLISH, invoice));

        assertTrue(text.contains("Invoice ACME-000042"), text);
        assertTrue(text.contains("November 1, 2026") && text.contains("November 15, 2026"), "issued and due: " + text);
        assertTrue(text.contains("Acme Cloud GmbH") && text.contains("HRB 123456") && text.contains("DE123456789"), text);
        assertTrue(text.contains("Carla Customer") && text.contains("Carla's Bakery") && text.contains("carla@example.com"),
                text);
        assertTrue(text.contains("Dedicated server DS-64, November 2026"), text);
        assertTrue(text.contains("1,234.50 EUR"), "the server's unit and amount: " + text);
        assertTrue(text.contains("Extra IPv4 address") && text.contains("6.00 EUR"), "2 × 3.00: " + text);
        assertTrue(text.contains("Control panel licence") && text.contains("15.00 EUR"), text);
        assertTrue(text.contains("1,255.50 EUR"), "subtotal: " + text);
        assertTrue(text.contains("VAT 19%") && text.contains("238.55 EUR"), "tax, rounded half up once: " + text);
        assertTrue(text.contains("1,494.05 EUR"), "total: " + text);
        assertTrue(text.contains("IBAN DE89 3704 0044 0532 0130 00"), "where to pay: " + text);
        assertTrue(text.toLowerCase(Locale.ROOT).contains("unpaid"), text);
    }

    @Test
    void theMetadataNamesOnlyTheReseller() throws Exception {
        byte[] pdf = invoices.render(acme, Locale.ENGLISH,
                invoice("ACME-000042", InvoiceStatus.ISSUED, Money.zero("EUR"), null, threeLines()));

        Map<String, String> info = new PdfReader(pdf).getInfo();
        assertEquals("Invoice ACME-000042", info.get("Title"));
        assertEquals("Invoice ACME-000042", info.get("Subject"));
        assertEquals("Acme Cloud", info.get("Author"));
        assertEquals("Acme Cloud", info.get("Producer"));
        assertEquals("Acme Cloud", info.get("Creator"));
        for (Map.Entry<String, String> entry : info.entrySet()) {
            for (String trace : TRACES) {
                assertFalse(entry.getValue().toLowerCase(Locale.ROOT).contains(trace), entry + " names " + trace);
            }
        }
        String raw = new String(pdf, ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String trace : TRACES) {
            assertFalse(raw.contains(trace), "the PDF's bytes name " + trace);
        }
        String text = text(pdf).toLowerCase(Locale.ROOT);
        for (String trace : TRACES) {
            assertFalse(text.contains(trace), "the PDF's text names " + trace);
        }
    }

    @Test
    void markupInTextsIsPrintedLiterally() {
        String script = "<script>alert('x')</script> & <b>bold</b>";
        String placeholders = "${total} #{pdf.invoice.total}";
        InvoiceDocument invoice = new InvoiceDocument(InvoiceKind.CUSTOMER, "ACME-000044", InvoiceStatus.ISSUED,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15), null, "EUR",
                new InvoiceDocument.Issuer("Acme <i>Cloud</i>", List.of("</td></tr></table>"), null, null, "<img src=x>"),
                InvoiceDocument.Recipient.person("Eve \"<Evil>\" & Co", null, "eve@example.com"),
                List.of(line(script, 1, "10.00"), line(placeholders, 1, "5.00")), new Money(new BigDecimal("15.00"), "EUR"),
                null, BigDecimal.ZERO, Money.zero("EUR"), Money.zero("EUR"), new Money(new BigDecimal("15.00"), "EUR"), null,
                null);

        String text = text(invoices.render(acme, Locale.ENGLISH, invoice));

        assertTrue(text.contains(script), "the description as typed: " + text);
        assertTrue(text.contains(placeholders), "placeholders in a value are not filled: " + text);
        assertTrue(text.contains("Acme <i>Cloud</i>") && text.contains("</td></tr></table>"), text);
        assertTrue(text.contains("Eve \"<Evil>\" & Co") && text.contains("<img src=x>"), text);
    }

    @Test
    void aCreditNoteShowsNegativeAmountsAndTheInvoiceItCredits() throws Exception {
        byte[] pdf = invoices.render(acme, Locale.ENGLISH, creditNote("ACME-000043", "ACME-000042", "15.00"));

        String text = text(pdf);
        assertTrue(text.contains("Credit note ACME-000043"), text);
        assertEquals("Credit note ACME-000043", new PdfReader(pdf).getInfo().get("Title"));
        assertTrue(text.contains("Credits invoice") && text.contains("ACME-000042"), text);
        assertTrue(text.contains("-15.00 EUR"), "the line and subtotal: " + text);
        assertTrue(text.contains("-2.85 EUR"), "the tax: " + text);
        assertTrue(text.contains("-17.85 EUR"), "the total: " + text);
        assertFalse(text.contains("Due by"), "a credit note is not due: " + text);
        assertFalse(text.contains("Payment details"), "nothing to pay: " + text);
    }

    @Test
    void rowsThatDoNotApplyAreLeftOut() {
        String plain = text(invoices.render(acme, Locale.ENGLISH,
                invoice("ACME-000045", InvoiceStatus.ISSUED, Money.zero("EUR"), null, threeLines())));
        assertFalse(plain.contains("Late fee"), plain);
        assertFalse(plain.contains("Paid on"), plain);
        assertFalse(plain.contains("Extended to"), plain);
        assertFalse(plain.contains("Credits invoice"), plain);

        Money fee = new Money(new BigDecimal("25.00"), "EUR");
        String late = text(invoices.render(acme, Locale.ENGLISH, invoice("ACME-000045", InvoiceStatus.PAID, fee,
                Instant.parse("2026-11-23T23:30:00Z"), threeLines())));
        assertTrue(late.contains("Late fee") && late.contains("25.00 EUR"), late);
        assertTrue(late.contains("1,519.05 EUR"), "the total with the fee: " + late);
        assertTrue(late.contains("Paid on") && late.contains("November 24, 2026"), "the day in Berlin: " + late);
        assertTrue(late.toLowerCase(Locale.ROOT).contains("paid"), late);
    }

    @Test
    void russianReadersGetRussianWordingAndNumbers() throws Exception {
        byte[] pdf = invoices.render(acme, RUSSIAN,
                invoice("ACME-000042", InvoiceStatus.ISSUED, Money.zero("EUR"), null, threeLines()));

        String text = text(pdf);
        assertTrue(text.contains("Счёт ACME-000042"), "Cyrillic survives in the PDF: " + text);
        assertTrue(text.contains("Оплатить до") && text.contains("15 ноября 2026"), text);
        assertTrue(text.contains("1 234,50 EUR") && text.contains("1 494,05 EUR"), text);
        assertTrue(text.contains("VAT 19 %"), text);
        assertEquals("Счёт ACME-000042", new PdfReader(pdf).getInfo().get("Title"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "aurora", "harbor", "console", "no-such-theme"})
    void everyThemeRendersInvoicesInheritedFromBase(String theme) {
        TenantSnapshot site = reseller(theme);

        String text = text(invoices.render(site, Locale.ENGLISH,
                invoice("ACME-000042", InvoiceStatus.ISSUED, Money.zero("EUR"), null, threeLines())));

        assertTrue(text.contains("Invoice ACME-000042") && text.contains("1,494.05 EUR"), theme + ": " + text);
    }

    @Test
    void amountsAreExactWithTheCurrencyCodeInTheReadersFormat() {
        assertEquals("1,234.50\u00a0EUR", InvoicePdf.amount(new Money(new BigDecimal("1234.5"), "EUR"), Locale.ENGLISH));
        assertEquals("-15.00\u00a0EUR", InvoicePdf.amount(new Money(new BigDecimal("-15"), "EUR"), Locale.ENGLISH));
        assertEquals("1,235\u00a0JPY", InvoicePdf.amount(new Money(new BigDecimal("1235"), "JPY"), Locale.ENGLISH));
        assertEquals("99,999,999,999,999,999.99\u00a0RUB",
                InvoicePdf.amount(new Money(new BigDecimal("99999999999999999.99"), "RUB"), Locale.ENGLISH),
                "beyond a double's precision");
        String russian = InvoicePdf.amount(new Money(new BigDecimal("1234.5"), "RUB"), RUSSIAN);
        assertEquals("1 234,50 RUB", russian.replace('\u00a0', ' ').replace('\u202f', ' '));
    }

    @Test
    void fileNamesCarryOnlyTheKindAndNumber() {
        assertEquals("invoice-ACME-000042.pdf", InvoicePdf.fileName(
                invoice("ACME-000042", InvoiceStatus.ISSUED, Money.zero("EUR"), null, threeLines())));
        assertEquals("credit-note-ACME-000043.pdf", InvoicePdf.fileName(creditNote("ACME-000043", "ACME-000042", "1.00")));
        assertEquals("invoice-A-B-C--1.pdf", InvoicePdf.fileName(
                invoice("A/B\\C\"\n1", InvoiceStatus.ISSUED, Money.zero("EUR"), null, threeLines())));
    }
}
