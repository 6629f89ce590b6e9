package io.marque.portal.billing.invoice;

import static io.marque.portal.billing.invoice.InvoiceSamples.customer;
import static io.marque.portal.billing.invoice.InvoiceSamples.issuer;
import static io.marque.portal.billing.invoice.InvoiceSamples.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.discount.Category;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invoice view refuses figures that do not add up (law 6), and maps a stored invoice faithfully. */
class InvoiceDocumentTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    @Test
    void aStoredInvoiceBecomesItsDocumentWithItsLinesInOrder() throws Exception {
        List<InvoiceLine.Draft> drafts = List.of(
                new InvoiceLine.Draft("Server", Category.DEDICATED, 1, eur("100.00"), 7L, null),
                new InvoiceLine.Draft("Extra IP", Category.OTHER, 3, eur("2.50"), 7L, null));
        InvoiceTotals totals = InvoiceTotals.of(drafts.stream().map(InvoiceLine.Draft::amount).toList(), "EUR", "VAT",
                new BigDecimal("20"));
        Invoice invoice = new Invoice(42L, 42L, InvoiceKind.CUSTOMER, 9L, "ACME-000042", totals, DAY, DAY.plusDays(14),
                Instant.parse("2026-11-01T08:00:00Z"));
        stored(invoice, 1000L);
        invoice.chargeLateFee(eur("5.00"));
        invoice.extendTo(DAY.plusDays(21));
        // stored out of order, as a query without "order by" might return them
        List<InvoiceLine> lines = List.of(new InvoiceLine(invoice, 2, drafts.get(1)), new InvoiceLine(invoice, 1, drafts.get(0)));

        InvoiceDocument document = InvoiceDocument.of(invoice, lines, issuer(), customer(), null);

        assertEquals(List.of(line("Server", 1, "100.00"), line("Extra IP", 3, "2.50")), document.lines());
        assertEquals(eur("107.50"), document.subtotal());
        assertEquals("VAT", document.taxLabel());
        assertEquals(0, new BigDecimal("20").compareTo(document.taxRate()));
        assertEquals(eur("21.50"), document.tax());
        assertEquals(eur("5.00"), document.lateFee());
        assertEquals(eur("134.00"), document.total());
        assertEquals(DAY.plusDays(21), document.extendedTo());
        assertEquals(InvoiceStatus.ISSUED, document.status());
        assertNull(document.paidAt());
    }

    @Test
    void linesThatDoNotAddUpToTheSubtotalAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> document(List.of(line("A", 1, "10.00")), eur("10.01"),
                eur("0.00"), eur("10.01")));
    }

    @Test
    void aTotalOtherThanSubtotalPlusTaxPlusLateFeeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> document(List.of(line("A", 1, "10.00")), eur("10.00"),
                eur("2.00"), eur("12.01")));
    }

    @Test
    void aLineWhoseAmountIsNotQuantityTimesUnitIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new InvoiceDocument.Line("A", 2, eur("10.00"), eur("21.00")));
    }

    @Test
    void amountsInAnotherCurrencyAreRefused() {
        Money usd = new Money(new BigDecimal("10.00"), "USD");
        assertThrows(Money.CurrencyMismatchException.class, () -> document(
                List.of(new InvoiceDocument.Line("A", 1, usd, usd)), eur("10.00"), eur("0.00"), eur("10.00")));
        assertThrows(Money.CurrencyMismatchException.class,
                () -> document(List.of(line("A", 1, "10.00")), eur("10.00"), Money.zero("USD"), eur("10.00")));
    }

    @Test
    void aDocumentWithoutLinesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> document(List.of(), eur("0.00"), eur("0.00"), eur("0.00")));
    }

    private static InvoiceDocument document(List<InvoiceDocument.Line> lines, Money subtotal, Money tax, Money total) {
        return new InvoiceDocument(InvoiceKind.CUSTOMER, "ACME-1", InvoiceStatus.ISSUED, DAY, DAY, null, "EUR", issuer(),
                customer(), lines, subtotal, "VAT", new BigDecimal("20"), tax, Money.zero("EUR"), total, null, null);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    /** The id the database would have given it; lines need it. */
    private static void stored(Invoice invoice, long id) throws ReflectiveOperationException {
        Field field = Invoice.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(invoice, id);
    }
}
