package io.marque.portal.web.api;

import io.marque.portal.api.Idempotency;
import io.marque.portal.platform.Sha256;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A POST that changes something, run once per Idempotency-Key ({@link Idempotency}): the change and its
 * stored answer commit together, and a retry gets the same answer with {@code Idempotent-Replayed: true}.
 * A twin sent at the same moment waits for the first and then replays it.
 */
@ApplicationScoped
public class Posts {

    @Inject
    Idempotency idempotency;

    @Inject
    ApiRequest current;

    /** What a POST created: its status, the record to answer with, and where it now lives. */
    public record Created(int status, Object body, String location) {
    }

    public Response run(String idempotencyKey, String path, Object requestBody, Supplier<Created> change) {
        String hash = Sha256.hex(("POST " + path + "\n" + Json.JSONB.toJson(requestBody)).getBytes(StandardCharsets.UTF_8));
        Supplier<Idempotency.Answer> answer = () -> {
            Created created = change.get();
            return new Idempotency.Answer(created.status(), Json.JSONB.toJson(created.body()), created.location(), false);
        };
        Idempotency.Answer result;
        try {
            result = idempotency.once(current.caller(), idempotencyKey, hash, answer);
        } catch (EJBException | PersistenceException e) {
            if (idempotencyKey == null || !(rootIsConstraint(e))) {
                throw e;
            }
            // the twin committed first: its answer is there now
            result = idempotency.once(current.caller(), idempotencyKey, hash, answer);
        }
        Response.ResponseBuilder response = Response.status(result.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(result.body());
        if (result.location() != null) {
            // JAX-RS resolves a relative Location against the application's base, /api/v1/
            response.location(URI.create(result.location().replaceFirst("^/api/v1/", "")));
        }
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    private static boolean rootIsConstraint(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
