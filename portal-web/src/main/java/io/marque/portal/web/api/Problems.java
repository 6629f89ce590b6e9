package io.marque.portal.web.api;

import io.marque.portal.api.Idempotency;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.tenant.Themes;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure as an RFC 7807 problem with a stable code: refused input (422, each field with its code
 * and the reason in English from the reseller's theme), not found (404 — also for another tenant's ids,
 * so existence does not leak), not allowed (403), malformed or mistyped JSON (400), a reused
 * Idempotency-Key (422), wrong method or media type, too large (413), and anything unexpected (500,
 * logged here, never shown).
 */
@Provider
@ApplicationScoped
public class Problems implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    @Inject
    CurrentTenant tenant;

    @Inject
    Themes themes;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable failure = thrown instanceof EJBException && thrown.getCause() != null ? thrown.getCause() : thrown;
        return problem(failure).response();
    }

    Problem problem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimit.TooLargeException) {
                return Problem.of(413, "payload-too-large", "The request body is too large",
                        "At most " + BodyLimit.MAX_BYTES + " bytes");
            }
        }
        if (failure instanceof InvalidInputException invalid) {
            return invalid(invalid);
        }
        if (failure instanceof NotFoundException || failure instanceof jakarta.ws.rs.NotFoundException) {
            return Problem.of(404, "not-found", "Not found", null);
        }
        if (failure instanceof ForbiddenException) {
            return Problem.of(403, "forbidden", "Not allowed", null);
        }
        if (failure instanceof Idempotency.KeyReusedException) {
            return Problem.of(422, "idempotency-key-reused", "This Idempotency-Key was used for another request", null);
        }
        if (failure instanceof JsonbException || failure instanceof ProcessingException
                || failure instanceof jakarta.ws.rs.BadRequestException) {
            return Problem.of(400, "malformed-json", "The request body is not the JSON this needs", null);
        }
        if (failure instanceof NotAllowedException) {
            return Problem.of(405, "method-not-allowed", "Method not allowed", null);
        }
        if (failure instanceof NotSupportedException) {
            return Problem.of(415, "unsupported-media-type", "Send application/json", null);
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return Problem.of(status, "http-" + status, Response.Status.fromStatusCode(status) == null ? "Refused"
                    : Response.Status.fromStatusCode(status).getReasonPhrase(), null);
        }
        LOG.log(Level.SEVERE, "API request failed", failure);
        return Problem.of(500, "internal", "Something went wrong on our side", null);
    }

    private Problem invalid(InvalidInputException invalid) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> problem : invalid.problems().entrySet()) {
            errors.add(new Problem.FieldError(problem.getKey().isEmpty() ? null : problem.getKey(), problem.getValue(),
                    words(problem.getValue())));
        }
        return new Problem("/api/v1/problems/invalid-input", "The request was refused", 422, "invalid-input",
                errors.size() == 1 ? errors.get(0).message() : null, errors);
    }

    private String words(String key) {
        try {
            return tenant.isResolved() ? themes.of(tenant.get()).message(Locale.ENGLISH, key) : key;
        } catch (RuntimeException e) {
            return key;
        }
    }
}
