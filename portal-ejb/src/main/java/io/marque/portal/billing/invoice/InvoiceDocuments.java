package io.marque.portal.billing.invoice;

import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Customer;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.reseller.ResellerProfile;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An invoice as a document for whoever may read it ({@link Invoices#visible}): issued in the brand of the
 * tenant that issued it — the reseller for its customers' invoices, so a customer's PDF names only the
 * reseller, in its text and its metadata (law 2); the provider for its invoices to a reseller — with the
 * issuer's company details and bank details, and the recipient's.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class InvoiceDocuments {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Invoices invoices;

    @Inject
    InvoicePdf pdf;

    @Inject
    DomainDirectory directory;

    /** A PDF and the neutral name to download it under. */
    public record File(String name, byte[] bytes) {
    }

    public File pdf(Actor actor, long invoiceId, Locale locale) {
        Invoice invoice = invoices.visible(actor, invoiceId);
        InvoiceDocument document = document(invoice);
        TenantSnapshot issuer = directory.byId(invoice.getIssuerTenantId()).orElseThrow(() -> new NotFoundException("Invoice"));
        return new File(InvoicePdf.fileName(document), pdf.render(issuer, locale, document));
    }

    InvoiceDocument document(Invoice invoice) {
        TenantSnapshot issuerBrand = directory.byId(invoice.getIssuerTenantId()).orElseThrow(() -> new NotFoundException("Invoice"));
        ResellerProfile issuerProfile = em.find(ResellerProfile.class, invoice.getIssuerTenantId());
        BillingSettings settings = invoices.settingsOf(invoice.getIssuerTenantId());
        InvoiceDocument.Issuer issuer = issuerProfile == null
                ? new InvoiceDocument.Issuer(issuerBrand.displayName(), null, null, null, settings.getBankDetails())
                : new InvoiceDocument.Issuer(issuerBrand.displayName(), lines(issuerProfile.getAddress()),
                        issuerProfile.getRegistrationNumber(), issuerProfile.getTaxId(), settings.getBankDetails());
        InvoiceDocument.Recipient recipient;
        if (invoice.getKind() == InvoiceKind.WHOLESALE) {
            Tenant reseller = em.find(Tenant.class, invoice.getTenantId());
            ResellerProfile profile = em.find(ResellerProfile.class, invoice.getTenantId());
            recipient = profile == null || profile.getCompanyName() == null
                    ? InvoiceDocument.Recipient.company(reseller.getName(), null, null, null, reseller.getContactEmail())
                    : InvoiceDocument.Recipient.company(profile.getCompanyName(), lines(profile.getAddress()),
                            profile.getRegistrationNumber(), profile.getTaxId(), reseller.getContactEmail());
        } else if (invoice.getBillToName() != null) {
            // as issued: an invoice keeps its recipient when the customer is renamed or erased
            recipient = InvoiceDocument.Recipient.person(invoice.getBillToName(), invoice.getBillToCompany(),
                    invoice.getBillToEmail());
        } else {
            Customer customer = em.find(Customer.class, invoice.getCustomerId());
            recipient = InvoiceDocument.Recipient.person(customer.getName(), customer.getCompany(), customer.getEmail());
        }
        String credited = invoice.getCreditedInvoiceId() == null ? null
                : em.find(Invoice.class, invoice.getCreditedInvoiceId()).getNumber();
        return InvoiceDocument.of(invoice, invoices.lines(invoice), issuer, recipient, credited);
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? null : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
    }
}
