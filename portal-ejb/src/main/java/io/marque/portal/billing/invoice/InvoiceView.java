package io.marque.portal.billing.invoice;

import io.marque.portal.billing.Money;
import java.time.LocalDate;

/** An invoice in a list: who it is for, what it totals and where it stands. */
public record InvoiceView(long id, InvoiceKind kind, String number, Long customerId, String recipient, Money total,
        InvoiceStatus status, LocalDate issuedOn, LocalDate dueOn, DunningStep dunningStep, boolean overdue) {

    static InvoiceView of(Invoice invoice, String recipient, LocalDate today) {
        return new InvoiceView(invoice.getId(), invoice.getKind(), invoice.getNumber(), invoice.getCustomerId(), recipient,
                invoice.total(), invoice.getStatus(), invoice.getIssuedOn(), invoice.effectiveDueOn(),
                invoice.getDunningStep(),
                invoice.getStatus() == InvoiceStatus.ISSUED && invoice.getKind() != InvoiceKind.CREDIT_NOTE
                        && today.isAfter(invoice.effectiveDueOn()));
    }
}
