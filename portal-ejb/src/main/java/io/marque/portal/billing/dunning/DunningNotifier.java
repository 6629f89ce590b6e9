package io.marque.portal.billing.dunning;

import io.marque.portal.billing.invoice.DunningStep;
import io.marque.portal.billing.invoice.Invoice;
import io.marque.portal.billing.invoice.InvoiceKind;
import io.marque.portal.identity.Customer;
import io.marque.portal.mail.MailComposer;
import io.marque.portal.mail.MailComposer.Threading;
import io.marque.portal.mail.Outbox;
import io.marque.portal.mail.TemplateText;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.ResellerContacts;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.Themes;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mail of each dunning step, in the brand of whoever sent the invoice: a customer's invoice goes to
 * the customer's address in its reseller's brand (the provider is never named); a wholesale invoice goes
 * to the reseller's primary contact (or its admins) in the provider's brand. Mails enter the outbox in the
 * caller's transaction ({@code MANDATORY}), so a step and its mail commit together or not at all.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DunningNotifier {

    /** Where a customer pays its invoices, on its reseller's host. */
    static final String CUSTOMER_INVOICES = "/customer/billing";
    /** Where a reseller pays the provider's invoices, on its own host. */
    static final String RESELLER_INVOICES = "/reseller/invoices";

    /** The words a customer reads on a server suspended for its unpaid invoice, in its reseller's theme. */
    static final String SUSPENSION_NOTE = "dunning.suspensionNote";

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    DomainDirectory directory;

    @Inject
    MailComposer composer;

    @Inject
    Outbox outbox;

    @Inject
    ResellerContacts contacts;

    @Inject
    Themes themes;

    /** The template of each step's mail. */
    static String template(DunningStep step) {
        return switch (step) {
            case NONE -> throw new IllegalArgumentException("NONE has no mail");
            case REMINDED -> "invoice-reminder";
            case OVERDUE -> "invoice-overdue";
            case LATE_FEE -> "invoice-late-fee";
            case SUSPENDED -> "invoice-suspended";
            case TERMINATED -> "invoice-terminated";
        };
    }

    /**
     * Mails that {@code step} was taken on the invoice.
     *
     * @param services the host names of the servers the step suspended or ended (empty for the others)
     * @return who was mailed; empty when the invoice's reader has no address
     */
    public List<String> stepTaken(Invoice invoice, DunningStep step, List<String> services) {
        Map<String, String> values = new HashMap<>();
        values.put("number", invoice.getNumber());
        values.put("amount", invoice.total().toString());
        values.put("lateFee", invoice.lateFee().toString());
        values.put("dueOn", invoice.effectiveDueOn().toString());
        values.put("suspendOn", DunningSchedule.dayOf(DunningStep.SUSPENDED, invoice.effectiveDueOn()).toString());
        values.put("terminateOn", DunningSchedule.dayOf(DunningStep.TERMINATED, invoice.effectiveDueOn()).toString());
        values.put("services", services.isEmpty() ? "—" : String.join(", ", services));
        Reader reader = reader(invoice);
        values.put("invoiceUrl", composer.baseUrl(reader.site()) + reader.path());
        List<String> mailed = new ArrayList<>();
        for (String to : reader.addresses()) {
            Map<String, String> own = new HashMap<>(values);
            own.put("recipientName", reader.name());
            outbox.enqueue(composer.compose(reader.brand(), reader.locale(), template(step), to, own,
                    new Threading(null, null, true)));
            mailed.add(to);
        }
        return mailed;
    }

    /**
     * What the customer reads on its server suspended for a customer invoice: the reseller's words in the
     * reseller's language, e.g. "Suspended: invoice ACME-000042 is overdue".
     */
    public String suspensionNote(Invoice invoice) {
        TenantSnapshot reseller = directory.byIdFresh(invoice.getTenantId()).orElseThrow();
        String words = themes.message(reseller, reseller.locale(), SUSPENSION_NOTE);
        return TemplateText.render(words, Map.of("number", invoice.getNumber()), Set.of(), key -> null, false);
    }

    /**
     * Who reads an invoice's dunning mail and in which brand.
     *
     * @param brand the brand the mail is in
     * @param site  the tenant whose host the link is on (the reader's portal)
     */
    private record Reader(TenantSnapshot brand, TenantSnapshot site, String path, Locale locale, String name,
            List<String> addresses) {
    }

    private Reader reader(Invoice invoice) {
        TenantSnapshot reseller = directory.byIdFresh(invoice.getTenantId()).orElseThrow();
        if (invoice.getKind() == InvoiceKind.WHOLESALE) {
            TenantSnapshot provider = directory.byIdFresh(invoice.getIssuerTenantId()).orElseThrow();
            return new Reader(provider, reseller, RESELLER_INVOICES, reseller.locale(), reseller.displayName(),
                    List.copyOf(contacts.primaryRecipients(reseller.id())));
        }
        Customer customer = invoice.getCustomerId() == null ? null : em.find(Customer.class, invoice.getCustomerId());
        if (customer == null || customer.getTenantId() != reseller.id() || customer.getEmail() == null
                || customer.getEmail().isBlank()) {
            return new Reader(reseller, reseller, CUSTOMER_INVOICES, reseller.locale(), "", List.of());
        }
        return new Reader(reseller, reseller, CUSTOMER_INVOICES, reseller.locale(), customer.getName(),
                List.of(customer.getEmail()));
    }
}
