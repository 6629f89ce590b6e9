package io.marque.portal.web.ticket;

import io.marque.portal.identity.Actor;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.web.filter.SecurityHeaders;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.ticket.Attachment;
import io.marque.portal.ticket.CustomerDesk;
import io.marque.portal.ticket.ProviderDesk;
import io.marque.portal.ticket.ResellerDesk;
import io.marque.portal.ticket.TicketQueries;
import io.marque.portal.web.security.CurrentUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Serves a ticket's file to a reader its area's desk lets see it ({@code /customer/attachment/<id>},
 * {@code /reseller/attachment/<id>}, {@code /admin/attachment/<id>}; Shiro guards each area by role).
 * Files are always downloads, never shown inline, with the type detected from their content, under a
 * sandboxing policy: a file that holds HTML cannot run as a page of the tenant's site.
 */
@WebServlet({"/customer/attachment/*", "/reseller/attachment/*", "/admin/attachment/*"})
public class AttachmentServlet extends HttpServlet {

    @Inject
    CustomerDesk customers;

    @Inject
    ResellerDesk resellers;

    @Inject
    ProviderDesk provider;

    @Inject
    TicketQueries queries;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = CurrentUser.actor(request);
        long id;
        try {
            id = Long.parseLong(request.getPathInfo() == null ? "" : request.getPathInfo().substring(1));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (actor == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Attachment attachment;
        try {
            attachment = switch (request.getServletPath()) {
                case "/customer/attachment" -> customers.attachment(actor, id);
                case "/reseller/attachment" -> resellers.attachment(actor, id);
                default -> provider.attachment(actor, id);
            };
        } catch (NotFoundException | ForbiddenException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] bytes = queries.content(attachment);
        response.setContentType(attachment.getContentType());
        response.setContentLengthLong(bytes.length);
        response.setHeader("Content-Disposition", disposition(attachment.getFileName()));
        SecurityHeaders.forFile(response);
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(bytes);
    }

    /** RFC 6266: an ASCII fallback and the UTF-8 name. */
    public static String disposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
