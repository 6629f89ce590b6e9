package io.marque.portal.billing.invoice;

import io.marque.portal.billing.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything an invoice's PDF or page shows, and nothing else: the view of one {@link Invoice} with its
 * lines and both parties, built by the service that may show it (which has already checked who may
 * read it). It holds no ids and no provider-internal data, so handing it to a renderer cannot leak
 * more than the page would.
 *
 * <p>Law 6 holds on the way out too: every amount is in the document's currency, each line's amount
 * is its quantity times its unit amount, the lines add up to the subtotal exactly, and the total is
 * subtotal + tax + late fee. A document that breaks any of these is refused, so an invoice can never
 * be printed with figures that do not add up. A credit note carries negative amounts.
 *
 * <pre>{@code
 * InvoiceDocument document = InvoiceDocument.of(invoice, lines,
 *         new InvoiceDocument.Issuer("Acme Cloud", List.of("1 Main St", "Springfield"), "HRB 1234", "DE123456789",
 *                 "IBAN DE00 1234 5678 9012 3456 78"),
 *         InvoiceDocument.Recipient.person("Carla Customer", "Carla's Bakery", "carla@example.com"),
 *         null);
 * byte[] pdf = invoicePdf.render(resellerSite, locale, document);
 * }</pre>
 *
 * @param kind           who bills whom; a {@link InvoiceKind#CREDIT_NOTE} prints as a credit note
 * @param number         the issuer's number, e.g. {@code ACME-000042}
 * @param status         issued (unpaid), paid or void
 * @param issuedOn       the invoice date
 * @param dueOn          the due date (not shown on credit notes)
 * @param extendedTo     the extended due date a provider admin granted, or null
 * @param currency       the ISO code every amount is in
 * @param issuer         who bills: the reseller (customer invoices, credit notes) or the provider
 *                       (wholesale invoices)
 * @param recipient      who is billed: the customer, or the reseller
 * @param lines          at least one line, in the order they are printed
 * @param subtotal       the exact sum of the line amounts
 * @param taxLabel       the tax's name, e.g. {@code VAT}; null when no tax applies
 * @param taxRate        the tax rate in percent, 0 to 100
 * @param tax            the tax amount
 * @param lateFee        the late fee charged by dunning; zero when none
 * @param total          subtotal + tax + late fee
 * @param paidAt         when the invoice was paid, or null
 * @param creditedNumber for a credit note, the number of the invoice it credits; else null
 */
public record InvoiceDocument(
        InvoiceKind kind,
        String number,
        InvoiceStatus status,
        LocalDate issuedOn,
        LocalDate dueOn,
        LocalDate extendedTo,
        String currency,
        Issuer issuer,
        Recipient recipient,
        List<Line> lines,
        Money subtotal,
        String taxLabel,
        BigDecimal taxRate,
        Money tax,
        Money lateFee,
        Money total,
        Instant paidAt,
        String creditedNumber) {

    public InvoiceDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(taxRate, "taxRate");
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("An invoice document needs a number");
        }
        currency = Money.code(currency);
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("Invoice " + number + " has no lines");
        }
        if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("A tax rate is between 0 and 100: " + taxRate);
        }
        taxLabel = taxLabel == null || taxLabel.isBlank() ? null : taxLabel.strip();
        creditedNumber = creditedNumber == null || creditedNumber.isBlank() ? null : creditedNumber;
        Money sum = Money.zero(currency);
        for (Line line : lines) {
            sum = sum.plus(line.amount());
        }
        if (!in(currency, subtotal, "subtotal").equals(sum)) {
            throw new IllegalArgumentException("The lines of " + number + " add up to " + sum + ", not to its subtotal "
                    + subtotal);
        }
        Money owed = subtotal.plus(in(currency, tax, "tax")).plus(in(currency, lateFee, "lateFee"));
        if (!in(currency, total, "total").equals(owed)) {
            throw new IllegalArgumentException("The total of " + number + " is " + total + ", not subtotal + tax + late fee "
                    + owed);
        }
    }

    /**
     * The document of a stored invoice: its figures and dates from the entity, its lines in their
     * position order.
     *
     * @param lines          the invoice's lines (e.g. the named query {@code InvoiceLine.ofInvoice})
     * @param creditedNumber for a credit note, the number of the invoice it credits; else null
     */
    public static InvoiceDocument of(Invoice invoice, List<InvoiceLine> lines, Issuer issuer, Recipient recipient,
            String creditedNumber) {
        String currency = invoice.getCurrency();
        List<InvoiceLine> ordered = new ArrayList<>(lines);
        ordered.sort(Comparator.comparingInt(InvoiceLine::getPosition));
        List<Line> printed = ordered.stream()
                .map(line -> new Line(line.getDescription(), line.getQuantity(), new Money(line.getUnitAmount(), currency),
                        new Money(line.getAmount(), currency)))
                .toList();
        return new InvoiceDocument(invoice.getKind(), invoice.getNumber(), invoice.getStatus(), invoice.getIssuedOn(),
                invoice.getDueOn(), invoice.getExtendedTo(), currency, issuer, recipient, printed, invoice.subtotal(),
                invoice.getTaxLabel(), invoice.getTaxRate(), invoice.tax(), invoice.lateFee(), invoice.total(),
                invoice.getPaidAt(), creditedNumber);
    }

    public boolean isCreditNote() {
        return kind == InvoiceKind.CREDIT_NOTE;
    }

    /** Whether a tax line is printed: when a tax applies, even at a rate that made it zero. */
    public boolean hasTax() {
        return taxLabel != null || !tax.isZero();
    }

    private static Money in(String currency, Money amount, String what) {
        Objects.requireNonNull(amount, what);
        if (!amount.currency().equals(currency)) {
            throw new Money.CurrencyMismatchException(currency, amount.currency());
        }
        return amount;
    }

    /**
     * Who bills, as printed at the top: the brand's name, then the legal details the issuer keeps in its
     * profile (each optional), then where to pay.
     *
     * @param name               the name shown, e.g. the company or brand name
     * @param address            the postal address, one entry per printed line; null means none
     * @param registrationNumber the company registration number, or null
     * @param taxId              the tax or VAT id, or null
     * @param bankDetails        how to pay by bank transfer, free text with line breaks, or null
     */
    public record Issuer(String name, List<String> address, String registrationNumber, String taxId, String bankDetails) {
        public Issuer {
            name = required(name, "issuer name");
            address = lines(address);
            registrationNumber = optional(registrationNumber);
            taxId = optional(taxId);
            bankDetails = optional(bankDetails);
        }
    }

    /**
     * Who is billed. A customer is printed with its name, company and e-mail; a reseller (on the
     * provider's wholesale invoices) with its company details.
     *
     * @param name               the person's or the company's name
     * @param company            the company, when not already the name; or null
     * @param address            postal address lines; null means none
     * @param registrationNumber the company registration number, or null
     * @param taxId              the tax or VAT id, or null
     * @param email              the billing e-mail address, or null
     */
    public record Recipient(String name, String company, List<String> address, String registrationNumber, String taxId,
            String email) {
        public Recipient {
            name = required(name, "recipient name");
            company = optional(company);
            address = lines(address);
            registrationNumber = optional(registrationNumber);
            taxId = optional(taxId);
            email = optional(email);
        }

        /** A customer: its name, company (or null) and e-mail. */
        public static Recipient person(String name, String company, String email) {
            return new Recipient(name, company, List.of(), null, null, email);
        }

        /** A company with its legal details, such as a reseller on a wholesale invoice. */
        public static Recipient company(String company, List<String> address, String registrationNumber, String taxId,
                String email) {
            return new Recipient(company, null, address, registrationNumber, taxId, email);
        }
    }

    /**
     * One printed line.
     *
     * @param description what is billed, as the issuer worded it (plain text; printed literally)
     * @param quantity    at least 1
     * @param unit        the amount of one
     * @param amount      quantity × unit, exactly
     */
    public record Line(String description, int quantity, Money unit, Money amount) {
        public Line {
            description = required(description, "line description");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(amount, "amount");
            if (quantity < 1) {
                throw new IllegalArgumentException("A quantity is at least 1");
            }
            if (!unit.times(quantity).equals(amount)) {
                throw new IllegalArgumentException("The line '" + description + "' is " + quantity + " × " + unit + ", not "
                        + amount);
            }
        }
    }

    private static String required(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("An invoice document needs a " + what);
        }
        return text.strip();
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> lines(List<String> lines) {
        return lines == null ? List.of()
                : lines.stream().filter(Objects::nonNull).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
