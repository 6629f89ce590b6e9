package io.marque.portal.web.reseller;

import io.marque.portal.identity.Actor;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.privacy.CustomerPrivacy;
import io.marque.portal.web.security.CurrentUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A customer's archive as a download: {@code /reseller/customer-data.zip?id=<customer>} (reseller admins:
 * {@code shiro.ini}, and the service asks again). The name is {@code customer-<id>-<day>.zip}, naming no
 * brand (law 2); nothing is cached on the way, as the archive is personal data. Another reseller's
 * customer, an unknown id and a reader who may not have it are all the site's 404.
 */
@WebServlet("/reseller/customer-data.zip")
public class CustomerArchiveServlet extends HttpServlet {

    @Inject
    CustomerPrivacy privacy;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = CurrentUser.actor(request);
        Long id = id(request.getParameter("id"));
        if (actor == null || id == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        CustomerPrivacy.Archive archive;
        try {
            archive = privacy.export(actor, id, request.getLocale());
        } catch (NotFoundException | ForbiddenException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/zip");
        response.setContentLength(archive.bytes().length);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + archive.fileName() + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(archive.bytes());
    }

    private static Long id(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
