package io.marque.portal.web.api.contract;

import io.marque.portal.web.api.PublicDocument;
import io.marque.portal.web.api.RequiresScope;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the generated document with what the resources say other than in OpenAPI annotations, so a
 * new resource needs none of those to be described fully: each operation's key scope (its
 * {@code @RequiresScope}; none for a {@code @PublicDocument}), the problem responses the authenticator and
 * the mappers give (401, 403, 404, 422, 429, and 400, 413, 415 where a body is read), the
 * {@code RateLimit-*} headers of every answer a key gets, the shared description of a POST's
 * {@code Idempotency-Key}, a tag per first path segment and an operation id made from the verb and the
 * path ({@code POST /invoices/{id}/pay} is {@code postInvoicesPay}), which stays put when a Java method is
 * renamed. An id or tag given with {@code @Operation} or {@code @Tag} is kept.
 *
 * <p>Runs in the build only (smallrye-open-api-maven-plugin), never in the server; the WAR leaves this
 * package out.
 */
public class ContractFilter implements OASFilter {

    /** The package whose {@code @Path} classes make the API. */
    public static final String RESOURCES = "io.marque.portal.web.api";
    /** The name of the key scheme in {@code META-INF/openapi.yaml}. */
    public static final String SCHEME = "apiKey";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Override
    public void filterOpenAPI(OpenAPI document) {
        Map<String, Method> routes = ResourceMethods.of(ContractFilter.class.getClassLoader(), RESOURCES);
        if (document.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : document.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                String verb = entry.getKey().name();
                Method method = routes.get(verb + " " + path.getKey());
                if (method == null) {
                    throw new IllegalStateException("No resource method of " + RESOURCES + " answers " + verb + " "
                            + path.getKey() + " (routes: " + routes.keySet() + ")");
                }
                complete(entry.getValue(), verb, path.getKey(), method);
            }
        }
    }

    private static void complete(Operation operation, String verb, String path, Method method) {
        if (operation.getOperationId() == null
                || operation.getOperationId().equals(method.getDeclaringClass().getSimpleName() + "_" + method.getName())) {
            operation.setOperationId(operationId(verb, path));
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.setTags(new ArrayList<>(List.of(tag(path))));
        }
        boolean open = method.isAnnotationPresent(PublicDocument.class);
        RequiresScope scope = method.getAnnotation(RequiresScope.class);
        if (open) {
            operation.setSecurity(new ArrayList<>());
        } else if (scope != null) {
            operation.setSecurity(new ArrayList<>(List.of(
                    OASFactory.createSecurityRequirement().addScheme(SCHEME, scope.value().code()))));
            String needs = "Needs the scope `" + scope.value().code() + "`.";
            operation.setDescription(operation.getDescription() == null ? needs : operation.getDescription() + "\n\n" + needs);
        }
        // an operation without either is refused to every key; it gets no security, which ApiContractTest reports

        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean post = "POST".equals(verb);
        if (!open) {
            for (APIResponse success : successes(responses)) {
                success.addHeader("RateLimit-Limit", OASFactory.createHeader().ref("RateLimit-Limit"));
                success.addHeader("RateLimit-Remaining", OASFactory.createHeader().ref("RateLimit-Remaining"));
                success.addHeader("RateLimit-Reset", OASFactory.createHeader().ref("RateLimit-Reset"));
                if (post) {
                    success.addHeader("Idempotent-Replayed", OASFactory.createHeader().ref("Idempotent-Replayed"));
                }
            }
            if (responses.hasAPIResponse("201")) {
                responses.getAPIResponse("201").addHeader("Location", OASFactory.createHeader().ref("Location"));
            }
            problem(responses, "401", "Unauthorized");
            problem(responses, "403", "Forbidden");
            problem(responses, "422", "Unprocessable");
            problem(responses, "429", "TooManyRequests");
        }
        problem(responses, "404", "NotFound");
        if (operation.getRequestBody() != null) {
            problem(responses, "400", "MalformedJson");
            problem(responses, "413", "PayloadTooLarge");
            problem(responses, "415", "UnsupportedMediaType");
        }
        problem(responses, APIResponses.DEFAULT, "Problem");

        if (operation.getParameters() != null) {
            List<Parameter> parameters = new ArrayList<>();
            for (Parameter parameter : operation.getParameters()) {
                boolean idempotencyKey = parameter.getIn() == Parameter.In.HEADER && IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName());
                parameters.add(idempotencyKey ? OASFactory.createParameter().ref("IdempotencyKey") : parameter);
            }
            operation.setParameters(parameters);
        }
    }

    private static List<APIResponse> successes(APIResponses responses) {
        List<APIResponse> successes = new ArrayList<>();
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> {
                if (code.startsWith("2") && response.getRef() == null) {
                    successes.add(response);
                }
            });
        }
        return successes;
    }

    private static void problem(APIResponses responses, String code, String component) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(component));
        }
    }

    /** {@code GET /customers} → {@code getCustomers}, {@code GET /customers/{id}} → {@code getCustomersById},
     *  {@code POST /servers/{id}/power} → {@code postServersPower}: the verb, each literal segment, and the
     *  last segment's parameter if the path ends in one. */
    public static String operationId(String verb, String path) {
        StringBuilder id = new StringBuilder(verb.toLowerCase(Locale.ROOT));
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith("{")) {
                if (i == segments.length - 1) {
                    id.append("By").append(pascal(segment.substring(1, segment.length() - 1)));
                }
            } else {
                id.append(pascal(segment));
            }
        }
        return id.toString();
    }

    /** The first path segment up to any dot: {@code /customers/{id}} → {@code customers}. */
    public static String tag(String path) {
        String first = path.replaceFirst("^/+", "").split("/")[0];
        int dot = first.indexOf('.');
        return dot > 0 ? first.substring(0, dot) : first;
    }

    private static String pascal(String text) {
        StringBuilder pascal = new StringBuilder();
        for (String word : text.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                pascal.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return pascal.toString();
    }
}
