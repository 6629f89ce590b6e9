package io.marque.portal.billing.invoice;

import io.marque.portal.billing.Money;
import io.marque.portal.document.PdfDocuments;
import io.marque.portal.mail.TemplateText;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.Themes;
import io.marque.portal.tenant.theme.Theme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An invoice or credit note as a PDF in the issuer's brand, from the theme's {@code pdf/invoice.xhtml}
 * (each line from {@code pdf/invoice-line.xhtml}); child themes inherit both and may replace either.
 * The wording comes from the theme's messages in the reader's language, amounts are formatted for that
 * language with the currency's code ({@code 1,234.50 EUR}, {@code 1 234,50 EUR}), dates likewise. The
 * PDF's title is e.g. "Invoice ACME-000042", its author, producer and creator the issuing tenant's
 * display name (law 2); every text of the document is escaped, so a line description with markup
 * prints literally.
 *
 * <p>Which tenant issues is the caller's decision: the reseller for its customers' invoices and credit
 * notes, the provider for its wholesale invoices to resellers.
 */
@ApplicationScoped
public class InvoicePdf {

    public static final String TEMPLATE = "pdf/invoice.xhtml";
    public static final String LINE_TEMPLATE = "pdf/invoice-line.xhtml";

    /** The class that hides a part of the template that does not apply (see {@code pdf/invoice.xhtml}). */
    static final String ABSENT = "absent";

    @Inject
    PdfDocuments pdf;

    @Inject
    Themes themes;

    /** For the container. */
    public InvoicePdf() {
    }

    /** Without a container (unit tests, the benchmark). */
    public InvoicePdf(PdfDocuments pdf, Themes themes) {
        this.pdf = pdf;
        this.themes = themes;
    }

    /**
     * @param issuer the issuing tenant, whose brand, theme and name the document carries
     * @param locale the reader's language
     * @return the PDF's bytes
     * @throws IllegalStateException when the theme's templates do not render
     */
    public byte[] render(TenantSnapshot issuer, Locale locale, InvoiceDocument invoice) {
        Theme theme = themes.of(issuer);
        Wording wording = new Wording(theme, locale, zone(issuer));
        Map<String, String> values = new HashMap<>();
        values.put("statusLabel", wording.status(invoice));
        values.put("statusClass", invoice.isCreditNote() && invoice.status() != InvoiceStatus.VOID ? ABSENT
                : "status-" + invoice.status().name().toLowerCase(Locale.ROOT));
        values.put("number", invoice.number());
        values.put("issuedOn", wording.date(invoice.issuedOn()));
        values.put("dueOn", wording.date(invoice.dueOn()));
        values.put("dueClass", invoice.isCreditNote() ? ABSENT : "");
        values.put("extendedTo", invoice.extendedTo() == null ? "" : wording.date(invoice.extendedTo()));
        values.put("extendedClass", invoice.extendedTo() == null || invoice.isCreditNote() ? ABSENT : "");
        values.put("paidOn", invoice.paidAt() == null ? "" : wording.date(invoice.paidAt().atZone(wording.zone).toLocalDate()));
        values.put("paidClass", invoice.paidAt() == null ? ABSENT : "");
        values.put("creditedNumber", invoice.creditedNumber() == null ? "" : invoice.creditedNumber());
        values.put("creditedClass", invoice.isCreditNote() && invoice.creditedNumber() != null ? "" : ABSENT);
        values.put("issuerName", invoice.issuer().name());
        values.put("issuerDetails", wording.details(invoice.issuer()));
        values.put("recipientName", invoice.recipient().name());
        values.put("recipientDetails", wording.details(invoice.recipient()));
        values.put("lines", lines(theme, locale, wording, invoice));
        values.put("subtotal", amount(invoice.subtotal(), locale));
        values.put("taxLabel", wording.taxLabel(invoice));
        values.put("tax", amount(invoice.tax(), locale));
        values.put("taxClass", invoice.hasTax() ? "" : ABSENT);
        values.put("lateFee", amount(invoice.lateFee(), locale));
        values.put("lateFeeClass", invoice.lateFee().isZero() ? ABSENT : "");
        values.put("total", amount(invoice.total(), locale));
        values.put("bankDetails", invoice.issuer().bankDetails() == null ? "" : invoice.issuer().bankDetails());
        values.put("bankClass", invoice.issuer().bankDetails() == null || invoice.isCreditNote() ? ABSENT : "");
        return pdf.render(issuer, locale, TEMPLATE, title(theme, locale, invoice), values, Set.of("lines"));
    }

    /** The document's title, e.g. "Invoice ACME-000042" or "Credit note ACME-000043", in the reader's language. */
    public String title(TenantSnapshot issuer, Locale locale, InvoiceDocument invoice) {
        return title(themes.of(issuer), locale, invoice);
    }

    /**
     * A neutral download name from the number alone, e.g. {@code invoice-ACME-000042.pdf} or
     * {@code credit-note-ACME-000043.pdf}; characters other than letters, digits, {@code -} and
     * {@code _} become {@code -}.
     */
    public static String fileName(InvoiceDocument invoice) {
        String number = invoice.number().replaceAll("[^A-Za-z0-9_-]", "-");
        return (invoice.isCreditNote() ? "credit-note-" : "invoice-") + number + ".pdf";
    }

    /**
     * An amount as printed: exact (never rounded; the currency's decimals), grouped the way the language
     * groups digits, followed by the currency's code: {@code 1,234.50 EUR} in English, {@code 1 234,50 EUR}
     * in Russian, {@code -15.00 EUR} for a credit. Code rather than symbol, so that every currency reads
     * the same in every language and font.
     */
    public static String amount(Money money, Locale locale) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        int digits = Math.max(Money.digits(money.currency()), money.amount().scale());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(money.amount()) + "\u00a0" + money.currency();
    }

    private static String title(Theme theme, Locale locale, InvoiceDocument invoice) {
        return message(theme, locale, "pdf.invoice.title." + invoice.kind().name()).replace("{0}", invoice.number());
    }

    private String lines(Theme theme, Locale locale, Wording wording, InvoiceDocument invoice) {
        String template = theme.text(LINE_TEMPLATE)
                .orElseThrow(() -> new IllegalStateException("Theme " + theme.name() + " has no " + LINE_TEMPLATE));
        NumberFormat quantity = NumberFormat.getIntegerInstance(locale);
        StringBuilder rows = new StringBuilder(invoice.lines().size() * 256);
        for (InvoiceDocument.Line line : invoice.lines()) {
            Map<String, String> values = Map.of("description", line.description(), "quantity",
                    quantity.format(line.quantity()), "unit", amount(line.unit(), locale), "amount",
                    amount(line.amount(), locale));
            rows.append(TemplateText.render(template, values, Set.of(), key -> theme.message(locale, key), true));
        }
        return rows.toString();
    }

    private static ZoneId zone(TenantSnapshot issuer) {
        try {
            return issuer.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(issuer.timeZone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String message(Theme theme, Locale locale, String key) {
        String text = theme.message(locale, key);
        return text == null ? key : text;
    }

    /** The texts of one document that depend on the reader's language. */
    private static final class Wording {

        private final Theme theme;
        private final Locale locale;
        private final ZoneId zone;
        private final DateTimeFormatter dates;

        Wording(Theme theme, Locale locale, ZoneId zone) {
            this.theme = theme;
            this.locale = locale;
            this.zone = zone;
            this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        }

        String date(LocalDate date) {
            return dates.format(date);
        }

        String status(InvoiceDocument invoice) {
            return message(theme, locale, "pdf.invoice.status." + invoice.status().name());
        }

        /** "VAT 20%" / "НДС 20 %": the issuer's tax name and the rate as the language writes a percentage. */
        String taxLabel(InvoiceDocument invoice) {
            String name = invoice.taxLabel() == null ? message(theme, locale, "pdf.invoice.tax") : invoice.taxLabel();
            NumberFormat percent = NumberFormat.getPercentInstance(locale);
            percent.setMaximumFractionDigits(4);
            return name + " " + percent.format(invoice.taxRate().movePointLeft(2));
        }

        String details(InvoiceDocument.Issuer issuer) {
            List<String> lines = new ArrayList<>(issuer.address());
            labelled(lines, "pdf.invoice.registration", issuer.registrationNumber());
            labelled(lines, "pdf.invoice.taxId", issuer.taxId());
            return String.join("\n", lines);
        }

        String details(InvoiceDocument.Recipient recipient) {
            List<String> lines = new ArrayList<>();
            if (recipient.company() != null) {
                lines.add(recipient.company());
            }
            lines.addAll(recipient.address());
            labelled(lines, "pdf.invoice.registration", recipient.registrationNumber());
            labelled(lines, "pdf.invoice.taxId", recipient.taxId());
            if (recipient.email() != null) {
                lines.add(recipient.email());
            }
            return String.join("\n", lines);
        }

        private void labelled(List<String> lines, String key, String value) {
            if (value != null) {
                lines.add(message(theme, locale, key) + ": " + value);
            }
        }
    }
}
