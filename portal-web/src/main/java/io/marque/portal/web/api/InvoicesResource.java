package io.marque.portal.web.api;

import io.marque.portal.api.ApiScope;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.account.Accounts;
import io.marque.portal.billing.discount.Category;
import io.marque.portal.billing.invoice.DunningStep;
import io.marque.portal.billing.invoice.InvoiceDocuments;
import io.marque.portal.billing.invoice.InvoiceKind;
import io.marque.portal.billing.invoice.InvoiceLine;
import io.marque.portal.billing.invoice.InvoiceStatus;
import io.marque.portal.billing.invoice.InvoiceView;
import io.marque.portal.billing.invoice.Invoices;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.web.api.ApiRecords.Amount;
import io.marque.portal.web.api.ApiRecords.Page;
import io.marque.portal.web.ticket.AttachmentServlet;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The reseller's invoices, newest first a page at a time (cursor), of one kind or all: its invoices to
 * customers (CUSTOMER), their credit notes (CREDIT_NOTE) and the provider's to it (WHOLESALE). One with
 * its lines, one as its PDF, and paying one from the balance it is owed from: a customer's invoice from
 * that customer's balance, a wholesale one from the reseller's own.
 */
@Path("/invoices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InvoicesResource {

    @Inject
    Invoices invoices;

    @Inject
    InvoiceDocuments documents;

    @Inject
    Accounts accounts;

    @Inject
    ApiRequest current;

    @Inject
    Posts posts;

    @Inject
    CurrentTenant tenant;

    /** An invoice in a list. */
    public record InvoiceSummary(long id, InvoiceKind kind, String number, Long customerId, String recipient, Amount total,
            InvoiceStatus status, LocalDate issuedOn, LocalDate dueOn, DunningStep dunningStep, boolean overdue) {
        static InvoiceSummary of(InvoiceView view) {
            return new InvoiceSummary(view.id(), view.kind(), view.number(), view.customerId(), view.recipient(),
                    Amount.of(view.total()), view.status(), view.issuedOn(), view.dueOn(), view.dunningStep(), view.overdue());
        }
    }

    /** One invoice with its lines; the subtotal is the sum of the lines, the total subtotal + tax + late fee. */
    public record Invoice(long id, InvoiceKind kind, String number, Long customerId, InvoiceStatus status, LocalDate issuedOn,
            LocalDate dueOn, Instant paidAt, Long creditedInvoiceId, List<Line> lines, Amount subtotal, String taxLabel,
            String taxRate, Amount tax, Amount lateFee, Amount total, DunningStep dunningStep) {
        static Invoice of(io.marque.portal.billing.invoice.Invoice invoice, List<InvoiceLine> lines) {
            String currency = invoice.getCurrency();
            return new Invoice(invoice.getId(), invoice.getKind(), invoice.getNumber(), invoice.getCustomerId(),
                    invoice.getStatus(), invoice.getIssuedOn(), invoice.effectiveDueOn(), invoice.getPaidAt(),
                    invoice.getCreditedInvoiceId(),
                    lines.stream().map(l -> new Line(l.getPosition(), l.getDescription(), l.getCategory(), l.getQuantity(),
                            Amount.of(new Money(l.getUnitAmount(), currency)), Amount.of(new Money(l.getAmount(), currency))))
                            .toList(),
                    Amount.of(invoice.subtotal()), invoice.getTaxLabel(), ApiRecords.percent(invoice.getTaxRate()),
                    Amount.of(invoice.tax()), Amount.of(invoice.lateFee()), Amount.of(invoice.total()),
                    invoice.getDunningStep());
        }
    }

    /** One line: quantity × unit = amount, before tax. */
    public record Line(int position, String description, Category category, int quantity, Amount unit, Amount amount) {
    }

    @GET
    @RequiresScope(ApiScope.INVOICES_READ)
    public Page<InvoiceSummary> list(@QueryParam("cursor") Long cursor, @QueryParam("kind") String kind) {
        ApiInput input = new ApiInput();
        InvoiceKind chosen = input.choice("kind", InvoiceKind.class, kind, ApiInput.CHOICE);
        input.throwIfAny();
        List<InvoiceSummary> items = invoices.page(current.actor(), chosen, cursor).stream().map(InvoiceSummary::of).toList();
        return Page.of(items, Invoices.PAGE, i -> String.valueOf(i.id()));
    }

    @GET
    @Path("/{id}")
    @RequiresScope(ApiScope.INVOICES_READ)
    public Invoice get(@PathParam("id") long id) {
        return read(id);
    }

    /** The invoice as a PDF in the brand of whoever issued it, under a neutral file name. */
    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    @RequiresScope(ApiScope.INVOICES_READ)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "The invoice as a PDF",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/pdf",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response pdf(@PathParam("id") long id) {
        InvoiceDocuments.File file = documents.pdf(current.actor(), id, tenant.get().locale());
        return Response.ok(file.bytes(), "application/pdf")
                .header("Content-Disposition", AttachmentServlet.disposition(file.name())).build();
    }

    /** Pays the invoice from the balance it is owed from, which must cover its whole total. */
    @POST
    @Path("/{id}/pay")
    @RequiresScope(ApiScope.INVOICES_WRITE)
    @APIResponseSchema(value = Invoice.class, responseCode = "200", responseDescription = "The invoice, paid")
    public Response pay(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") long id) {
        return posts.run(idempotencyKey, "/invoices/" + id + "/pay", Map.of(), () -> {
            accounts.pay(current.actor(), id);
            return new Posts.Created(200, read(id), null);
        });
    }

    private Invoice read(long id) {
        io.marque.portal.billing.invoice.Invoice invoice = invoices.visible(current.actor(), id);
        return Invoice.of(invoice, invoices.lines(invoice));
    }
}
