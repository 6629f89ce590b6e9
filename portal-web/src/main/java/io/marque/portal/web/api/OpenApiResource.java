package io.marque.portal.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API's contract, public: the OpenAPI 3 document the build generated from these resources
 * (smallrye-open-api-maven-plugin in portal-web/pom.xml, with {@code META-INF/openapi.yaml} and
 * {@code api.contract.ContractFilter}) and put beside this class. Read once; the same for every reseller,
 * since it names none.
 */
@Path("/openapi.json")
@ApplicationScoped
public class OpenApiResource {

    static final String DOCUMENT = "openapi.json";

    private volatile byte[] document;

    @GET
    @PublicDocument
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "contract", description = "This document")
    @Operation(summary = "The OpenAPI 3 document of this API", description = "Needs no key.")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    public byte[] document() {
        byte[] bytes = document;
        if (bytes == null) {
            try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
                if (in == null) {
                    throw new IllegalStateException("The build did not generate " + DOCUMENT);
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            document = bytes;
        }
        return bytes;
    }
}
