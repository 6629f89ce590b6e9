package io.marque.portal.web.ticket;

import io.marque.portal.identity.Actor;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.ticket.TicketTranscript;
import io.marque.portal.web.filter.SecurityHeaders;
import io.marque.portal.web.security.CurrentUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * A ticket's transcript as a PDF, in the brand of the site it is asked for on, with what the reader
 * may read: {@code /customer/ticket.pdf?n=}, {@code /reseller/ticket.pdf?n=}, {@code /admin/escalation.pdf?id=}.
 */
@WebServlet({"/customer/ticket.pdf", "/reseller/ticket.pdf", "/admin/escalation.pdf"})
public class TranscriptServlet extends HttpServlet {

    @Inject
    TicketTranscript transcripts;

    @Inject
    CurrentTenant tenant;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = CurrentUser.actor(request);
        if (actor == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        TenantSnapshot site = tenant.get();
        Locale locale = CurrentUser.locale(site);
        TicketTranscript.File file;
        try {
            long key = Long.parseLong(request.getParameter(request.getServletPath().startsWith("/admin") ? "id" : "n"));
            file = switch (request.getServletPath()) {
                case "/customer/ticket.pdf" -> transcripts.forCustomer(actor, key, site, locale);
                case "/reseller/ticket.pdf" -> transcripts.forReseller(actor, key, site, locale);
                default -> transcripts.forProvider(actor, key, site, locale);
            };
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
