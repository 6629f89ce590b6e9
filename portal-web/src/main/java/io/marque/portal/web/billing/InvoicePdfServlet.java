package io.marque.portal.web.billing;

import io.marque.portal.billing.invoice.InvoiceDocuments;
import io.marque.portal.identity.Actor;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.web.filter.SecurityHeaders;
import io.marque.portal.web.security.CurrentUser;
import io.marque.portal.web.ticket.AttachmentServlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * An invoice as a PDF for whoever may read it, in the issuer's brand: {@code /customer/invoice-pdf?id=},
 * {@code /reseller/invoice-pdf?id=}, {@code /admin/invoice-pdf?id=}. An invoice the reader may not see,
 * or a malformed id, is a 404 — the same answer as one that does not exist.
 */
@WebServlet({"/customer/invoice-pdf", "/reseller/invoice-pdf", "/admin/invoice-pdf"})
public class InvoicePdfServlet extends HttpServlet {

    @Inject
    InvoiceDocuments documents;

    @Inject
    CurrentTenant tenant;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = CurrentUser.actor(request);
        if (actor == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        InvoiceDocuments.File file;
        try {
            file = documents.pdf(actor, Long.parseLong(String.valueOf(request.getParameter("id"))), CurrentUser.locale(tenant.get()));
        } catch (NumberFormatException | NotFoundException | ForbiddenException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/pdf");
        SecurityHeaders.forFile(response);
        response.setContentLength(file.bytes().length);
        response.setHeader("Content-Disposition", AttachmentServlet.disposition(file.name()));
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(file.bytes());
    }
}
