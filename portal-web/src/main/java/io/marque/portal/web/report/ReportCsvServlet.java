package io.marque.portal.web.report;

import io.marque.portal.identity.Actor;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.report.CsvTable;
import io.marque.portal.report.ProviderDashboard;
import io.marque.portal.report.ProviderTable;
import io.marque.portal.report.ResellerDashboard;
import io.marque.portal.report.ResellerTable;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.web.filter.SecurityHeaders;
import io.marque.portal.web.security.CurrentUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A dashboard's table as a CSV download: {@code /reseller/report.csv?table=<slug>} for a reseller's staff
 * (its own figures), {@code /admin/report.csv?table=<slug>} for the provider's (Shiro guards each area by
 * role; the service checks again). The table is one of a fixed list, so the file name is too: the table's
 * slug and the day, e.g. {@code revenue-by-month-2025-03-15.csv} — nothing in it names a brand (law 2).
 * Anything unknown or not the reader's is the site's 404.
 */
@WebServlet({"/reseller/report.csv", "/admin/report.csv"})
public class ReportCsvServlet extends HttpServlet {

    @Inject
    ResellerDashboard resellerDashboard;

    @Inject
    ProviderDashboard providerDashboard;

    @Inject
    CurrentTenant tenant;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = CurrentUser.actor(request);
        if (actor == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String slug = request.getParameter("table");
        LocalDate today = LocalDate.now(ZoneId.of(tenant.get().timeZone()));
        boolean provider = request.getServletPath().startsWith("/admin/");
        CsvTable csv;
        String name;
        try {
            if (provider) {
                Optional<ProviderTable> table = ProviderTable.bySlug(slug);
                if (table.isEmpty()) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                csv = providerDashboard.export(actor, table.get(), today);
                name = table.get().slug();
            } else {
                Optional<ResellerTable> table = ResellerTable.bySlug(slug);
                if (table.isEmpty()) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                csv = resellerDashboard.export(actor, table.get(), today);
                name = table.get().slug();
            }
        } catch (NotFoundException | ForbiddenException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/csv; charset=UTF-8");
        SecurityHeaders.forFile(response);
        response.setHeader("Content-Disposition", disposition(name, today));
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        Writer out = response.getWriter();
        csv.writeTo(out);
        out.flush();
    }

    /** The file name: a fixed slug and an ISO date, so plain ASCII with nothing to escape. */
    static String disposition(String slug, LocalDate day) {
        if (!slug.matches("[a-z]+(-[a-z]+)*")) {
            throw new IllegalArgumentException("Not a table's slug: " + slug);
        }
        return "attachment; filename=\"" + slug + "-" + day + ".csv\"";
    }
}
