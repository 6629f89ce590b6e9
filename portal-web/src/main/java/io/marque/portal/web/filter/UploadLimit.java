package io.marque.portal.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a request body larger than any form accepts before anything reads it: the answer is 413
 * with the tenant's "too large" page, instead of the container's exception half-way through parsing.
 * The limit matches the Faces servlet's {@code max-request-size} in {@code web.xml}.
 */
public class UploadLimit extends HttpFilter {

    /** 26 MB: a message's attachments may fill 25 MB, plus the form's other fields. */
    static final long MAX_REQUEST_BYTES = 27_262_976L;

    /** {@code InboundMailServlet}'s path: raw mails up to 30 MB. */
    static final String INBOUND_MAIL = "/mail/inbound";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // a piped mail may be larger than any form; the inbound endpoint enforces its own limit
        if (request.getContentLengthLong() > MAX_REQUEST_BYTES && !INBOUND_MAIL.equals(request.getServletPath())) {
            MultipartGuard.answer(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
