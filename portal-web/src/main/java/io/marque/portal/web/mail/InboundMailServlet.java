package io.marque.portal.web.mail;

import io.marque.portal.mail.inbound.InboundMail;
import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.ticket.MailIntake;
import io.marque.portal.web.security.CurrentUser;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes one raw RFC 822 mail, piped in by a mail server, for the reseller whose host it is posted to:
 * {@code POST /mail/inbound} with {@code Authorization: Bearer <MARQUE_INBOUND_TOKEN>} and the mail as
 * the body. The tenant is the host's (law 1), as for every request; nothing in the request chooses it.
 *
 * <p>Answers: 202 with {@code {"outcome":"…"}} for every mail taken (added, opened, ignored, refused by
 * sender: the mail server's job is done either way), 400 for a body that is not a mail, 401 for a
 * missing or wrong token, 413 for a body over 30 MB. Without a configured token, and on the provider's
 * host, the endpoint does not exist (the tenant's 404). The answer never says which ticket a mail went
 * to. No session is created.
 */
@WebServlet(InboundMailServlet.PATH)
public class InboundMailServlet extends HttpServlet {

    public static final String PATH = "/mail/inbound";

    private static final Logger LOG = Logger.getLogger(InboundMailServlet.class.getName());

    @Inject
    CurrentTenant currentTenant;

    @Inject
    MarqueConfig config;

    @Inject
    MailIntake intake;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the provider's hosts never get here: TenantFilter keeps /mail/ to resellers' hosts
        Optional<String> token = config.inboundToken();
        TenantSnapshot tenant = currentTenant.get();
        if (token.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!BearerToken.matches(request.getHeader("Authorization"), token.get())) {
            response.setHeader("WWW-Authenticate", "Bearer");
            json(response, HttpServletResponse.SC_UNAUTHORIZED, "error", "unauthorized");
            return;
        }
        if (request.getContentLengthLong() > InboundMail.MAX_RAW_BYTES) {
            tooLarge(response);
            return;
        }
        byte[] raw;
        try (InputStream in = request.getInputStream()) {
            raw = in.readNBytes(InboundMail.MAX_RAW_BYTES + 1);
        } catch (IOException e) {
            // the container stops a body past its own limit (max-post-size, also 30 MB) mid-read
            tooLarge(response);
            return;
        }
        if (raw.length > InboundMail.MAX_RAW_BYTES) {
            tooLarge(response);
            return;
        }
        MailIntake.Outcome outcome;
        try {
            outcome = accept(tenant.id(), raw, CurrentUser.clientAddress(request));
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "A piped mail for tenant " + tenant.id() + " could not be accepted", e);
            // the mail server keeps the mail and offers it again
            json(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "error", "unavailable");
            return;
        }
        json(response, outcome == MailIntake.Outcome.REJECTED_UNPARSEABLE ? HttpServletResponse.SC_BAD_REQUEST
                : HttpServletResponse.SC_ACCEPTED, "outcome", outcome.name());
    }

    /**
     * Accepts the mail, once more if the first try failed: the same mail piped and fetched at the same
     * moment lets only one of them commit, and the second try then finds it a duplicate.
     */
    private MailIntake.Outcome accept(long tenantId, byte[] raw, String client) {
        try {
            return intake.accept(tenantId, raw, client);
        } catch (EJBException first) {
            LOG.log(Level.INFO, "Tenant {0}: retrying a piped mail after {1}", new Object[] {tenantId, first.toString()});
            return intake.accept(tenantId, raw, client);
        }
    }

    private static void tooLarge(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        json(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "error", "too large");
    }

    private static void json(HttpServletResponse response, int status, String name, String value) throws IOException {
        byte[] body = ("{\"" + name + "\":\"" + value + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
