package io.marque.portal.web.admin;

import io.marque.portal.billing.invoice.Invoice;
import io.marque.portal.billing.invoice.InvoiceLine;
import io.marque.portal.billing.invoice.Invoices;
import io.marque.portal.tenant.ResellerAdministration;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * One of the provider's invoices to a reseller ({@code /admin/invoice?id=}): its lines and totals, status
 * and dunning step, and its PDF. Any other invoice (a reseller's to its customers, another provider's) is
 * the site's 404: {@link Invoices#visible} shows provider staff their wholesale invoices only.
 */
@Named("wholesaleInvoice")
@RequestScoped
public class WholesaleInvoice {

    @Inject
    Invoices invoices;

    @Inject
    ResellerAdministration resellers;

    @Inject
    CurrentUser me;

    private Long id;
    private Invoice invoice;
    private List<InvoiceLine> lines;
    private String resellerName;

    public void load() {
        if (getInvoice() == null) {
            Pages.notFound();
        }
    }

    public Invoice getInvoice() {
        if (invoice == null) {
            id = id != null ? id : Pages.longParameter("id");
            invoice = id == null ? null : Pages.found(() -> invoices.visible(me.actor(), id));
        }
        return invoice;
    }

    public List<InvoiceLine> getLines() {
        if (lines == null) {
            lines = getInvoice() == null ? List.of() : invoices.lines(invoice);
        }
        return lines;
    }

    /** The reseller the invoice is to. */
    public String getResellerName() {
        if (resellerName == null && getInvoice() != null) {
            resellerName = Pages.found(() -> resellers.get(me.actor(), invoice.getTenantId()).name());
        }
        return resellerName;
    }

    public String getPdfUrl() {
        return "/admin/invoice-pdf?id=" + id;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
}
