package io.marque.portal.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 7807 problem: a stable {@code code} clients can switch on, a title, the HTTP status, and for
 * refused input one entry per field. Never a stack trace, a class name or a server's name.
 */
public record Problem(String type, String title, int status, String code, String detail, List<FieldError> errors) {

    public static final MediaType JSON = new MediaType("application", "problem+json");

    /** One refused field: its name, a stable code and the reason in words. */
    public record FieldError(String field, String code, String message) {
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem("/api/v1/problems/" + code, title, status, code, detail, List.of());
    }

    public Response response() {
        return Response.status(status).type(JSON).entity(this).build();
    }
}
