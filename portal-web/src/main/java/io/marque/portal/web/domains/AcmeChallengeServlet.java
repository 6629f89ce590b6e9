package io.marque.portal.web.domains;

import io.marque.portal.domains.AcmeChallenges;
import io.marque.portal.web.filter.SecurityHeaders;
import io.marque.portal.web.filter.TenantFilter;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers an ACME CA's HTTP-01 challenge ({@code /.well-known/acme-challenge/<token>}, RFC 8555 8.3) on
 * the host being certified, from the challenges the open order published in the database, so whichever
 * node the CA reaches answers. Anything else is the tenant's plain 404.
 */
@WebServlet(AcmeChallengeServlet.PATH + "*")
public class AcmeChallengeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/.well-known/acme-challenge/";

    @Inject
    transient AcmeChallenges challenges;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String host = (String) request.getAttribute(TenantFilter.HOST);
        var answer = host == null ? java.util.Optional.<String>empty() : challenges.answer(host, token);
        if (answer.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/octet-stream");
        SecurityHeaders.forFile(response);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(answer.get().getBytes(StandardCharsets.US_ASCII));
    }
}
