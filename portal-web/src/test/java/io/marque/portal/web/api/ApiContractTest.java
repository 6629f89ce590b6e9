package io.marque.portal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API's contract and its code must not drift apart. Reads the OpenAPI document the build generated
 * ({@code openapi.json} beside the resources, as {@code /api/v1/openapi.json} serves it) and, by
 * reflection and independently of the generator, every resource method of this package (its verb and
 * path): each method must be an operation of the document and each operation a method; each operation
 * must say what key scope it needs (the method's {@code @RequiresScope}; none for a
 * {@code @PublicDocument}), answer problems as {@code application/problem+json}, and, for a key's
 * request, the 401/403/429 problems and the {@code RateLimit-*} headers; each POST takes an
 * {@code Idempotency-Key}; each success says what it answers.
 *
 * <p>A resource method whose return type is {@code Response} (so the generator cannot see the body) needs
 * one annotation, e.g. {@code @APIResponseSchema(value = Customer.class, responseCode = "201")}.
 */
class ApiContractTest {

    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    static JsonObject document;
    static Map<String, Method> methods;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            assertNotNull(in, "the build generates " + OpenApiResource.DOCUMENT + " beside OpenApiResource (process-classes)");
            try (JsonReader reader = Json.createReader(in)) {
                document = reader.readObject();
            }
        }
        methods = resourceMethods();
    }

    @Test
    void everyResourceMethodIsAnOperationAndEveryOperationAMethod() {
        Set<String> operations = new TreeSet<>(operations().keySet());
        Set<String> missing = new TreeSet<>(methods.keySet());
        missing.removeAll(operations);
        Set<String> unknown = new TreeSet<>(operations);
        unknown.removeAll(methods.keySet());
        assertTrue(missing.isEmpty() && unknown.isEmpty(), "resource methods missing from the document: " + missing
                + "; operations of the document no resource method answers: " + unknown);
        assertTrue(methods.containsKey("GET /customers") && methods.containsKey("GET /openapi.json"),
                "the reflection found the resources: " + methods.keySet());
    }

    @Test
    void everyOperationNeedsTheScopeOfItsMethodOrNoKeyIfPublic() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((route, operation) -> {
            Method method = methods.get(route);
            if (method == null) {
                return;
            }
            JsonArray security = operation.getJsonArray("security");
            if (method.isAnnotationPresent(PublicDocument.class)) {
                if (security == null || !security.isEmpty()) {
                    wrong.add(route + " is public: security must be []");
                }
                return;
            }
            RequiresScope scope = method.getAnnotation(RequiresScope.class);
            if (scope == null) {
                wrong.add(route + ": " + method.getName() + " has no @RequiresScope (every key is refused)");
                return;
            }
            String expected = "[{\"apiKey\":[\"" + scope.value().code() + "\"]}]";
            if (security == null || !security.toString().equals(expected)) {
                wrong.add(route + " declares " + security + ", the method needs " + expected);
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        JsonObject scheme = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("apiKey");
        assertEquals("http", scheme.getString("type"));
        assertEquals("bearer", scheme.getString("scheme"));
    }

    @Test
    void everyOperationAnswersProblemsAndAKeysRequestTheAuthenticatorsProblems() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((route, operation) -> {
            JsonObject responses = operation.getJsonObject("responses");
            if (responses == null) {
                wrong.add(route + " has no responses");
                return;
            }
            if (responses.keySet().stream().filter(code -> !code.startsWith("2"))
                    .noneMatch(code -> isProblem(resolve(responses.getJsonObject(code))))) {
                wrong.add(route + " declares no application/problem+json response");
            }
            if (!responses.containsKey("default") || !isProblem(resolve(responses.getJsonObject("default")))) {
                wrong.add(route + " has no problem as its default response");
            }
            Method method = methods.get(route);
            if (method != null && !method.isAnnotationPresent(PublicDocument.class)) {
                for (String code : List.of("401", "403", "404", "422", "429")) {
                    if (!responses.containsKey(code) || !isProblem(resolve(responses.getJsonObject(code)))) {
                        wrong.add(route + " lacks the problem " + code);
                    }
                }
                if (responses.containsKey("429") && !resolve(responses.getJsonObject("429")).getJsonObject("headers").containsKey("Retry-After")) {
                    wrong.add(route + ": 429 without Retry-After");
                }
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everySuccessSaysWhatItAnswersAndAKeysSuccessCarriesTheRateLimitHeaders() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((route, operation) -> {
            JsonObject responses = operation.getJsonObject("responses");
            List<String> successes = responses == null ? List.of()
                    : responses.keySet().stream().filter(code -> code.startsWith("2")).toList();
            if (successes.isEmpty()) {
                wrong.add(route + " declares no success");
            }
            Method method = methods.get(route);
            for (String code : successes) {
                JsonObject success = resolve(responses.getJsonObject(code));
                JsonObject content = success.getJsonObject("content");
                if (!"204".equals(code) && (content == null || content.isEmpty() || content.values().stream()
                        .anyMatch(media -> media.asJsonObject().getJsonObject("schema") == null
                                || media.asJsonObject().getJsonObject("schema").isEmpty()))) {
                    wrong.add(route + " " + code + " does not say what it answers: a method returning Response needs"
                            + " @APIResponseSchema (or @APIResponse with a schema, e.g. binary for a PDF)");
                }
                if (method != null && !method.isAnnotationPresent(PublicDocument.class)) {
                    JsonObject headers = success.getJsonObject("headers");
                    for (String header : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
                        if (headers == null || !headers.containsKey(header)) {
                            wrong.add(route + " " + code + " lacks the header " + header);
                        }
                    }
                }
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyPostTakesAnIdempotencyKey() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((route, operation) -> {
            if (!route.startsWith("POST ")) {
                return;
            }
            JsonArray parameters = operation.getJsonArray("parameters");
            boolean declared = parameters != null && parameters.stream().map(p -> resolve(p.asJsonObject()))
                    .anyMatch(p -> "header".equals(p.getString("in", "")) && "Idempotency-Key".equalsIgnoreCase(p.getString("name", "")));
            if (!declared) {
                wrong.add(route + " takes no Idempotency-Key header (@HeaderParam(\"Idempotency-Key\") and Posts.run)");
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void operationIdsAreUniqueAndEveryReferenceResolves() {
        List<String> ids = operations().values().stream().map(o -> o.getString("operationId", "")).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "operation ids: " + ids);
        assertTrue(ids.stream().noneMatch(String::isEmpty), "every operation has an id: " + ids);
        List<String> broken = new ArrayList<>();
        references(document, broken);
        assertTrue(broken.isEmpty(), "references to nothing: " + broken);
    }

    @Test
    void theProblemSchemaHasTheFieldsOfTheProblemTheApiAnswers() {
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        assertEquals(components(Problem.class), schemas.getJsonObject("Problem").getJsonObject("properties").keySet());
        assertEquals(components(Problem.FieldError.class), schemas.getJsonObject("FieldError").getJsonObject("properties").keySet());
    }

    // --- the document -------------------------------------------------------------------------

    /** "VERB /path" → operation, for every operation of the document. */
    static Map<String, JsonObject> operations() {
        Map<String, JsonObject> operations = new TreeMap<>();
        JsonObject paths = document.getJsonObject("paths");
        if (paths == null) {
            return operations;
        }
        paths.forEach((path, item) -> item.asJsonObject().forEach((verb, operation) -> {
            if (VERBS.contains(verb)) {
                operations.put(verb.toUpperCase(Locale.ROOT) + " " + path, operation.asJsonObject());
            }
        }));
        return operations;
    }

    /** The object a {@code $ref} points at (within this document), or the object itself. */
    static JsonObject resolve(JsonObject object) {
        JsonObject current = object;
        for (int hops = 0; current != null && current.containsKey("$ref") && hops < 10; hops++) {
            current = pointer(current.getString("$ref"));
        }
        return current == null ? JsonValue.EMPTY_JSON_OBJECT : current;
    }

    private static JsonObject pointer(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonValue value = document;
        for (String part : ref.substring(2).split("/")) {
            if (!(value instanceof JsonObject object) || !object.containsKey(part.replace("~1", "/").replace("~0", "~"))) {
                return null;
            }
            value = object.get(part.replace("~1", "/").replace("~0", "~"));
        }
        return value instanceof JsonObject object ? object : null;
    }

    private static boolean isProblem(JsonObject response) {
        JsonObject content = response.getJsonObject("content");
        return content != null && content.containsKey("application/problem+json");
    }

    private static void references(JsonValue value, List<String> broken) {
        if (value instanceof JsonObject object) {
            if (object.get("$ref") instanceof JsonString ref && pointer(ref.getString()) == null) {
                broken.add(ref.getString());
            }
            object.values().forEach(v -> references(v, broken));
        } else if (value instanceof JsonArray array) {
            array.forEach(v -> references(v, broken));
        }
    }

    private static Set<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    // --- the code, by reflection --------------------------------------------------------------

    /** "VERB /path" → method, for every resource method of the {@code @Path} classes of this package and below. */
    static Map<String, Method> resourceMethods() throws Exception {
        Path classes = Path.of(OpenApiResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String folder = OpenApiResource.class.getPackageName().replace('.', '/');
        List<String> names;
        try (Stream<Path> files = Files.walk(classes.resolve(folder))) {
            names = files.map(file -> classes.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.endsWith("-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.')).toList();
        }
        Map<String, Method> routes = new TreeMap<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, ApiContractTest.class.getClassLoader());
            jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (verb != null) {
                        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                        routes.put(verb.value() + " " + path(base.value() + "/" + (sub == null ? "" : sub.value())), method);
                    }
                }
            }
        }
        return routes;
    }

    /** {@code /customers/ + /{id: \d+}/} → {@code /customers/{id}}. */
    static String path(String template) {
        String plain = template.replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^/]*}", "{$1}");
        String joined = Arrays.stream(plain.split("/")).filter(s -> !s.isBlank()).map(String::strip).collect(Collectors.joining("/"));
        return "/" + joined;
    }

    @Test
    void pathsAreWrittenAsTheDocumentWritesThem() {
        assertEquals("/customers/{id}", path("/customers/" + "/{id: \\d+}/"));
        assertEquals("/customers", path("customers/"));
        assertEquals("/servers/{id}/addresses/{address}/ptr", path("/servers/{id}/addresses/{address: [0-9a-f.:]+}/ptr"));
    }
}
