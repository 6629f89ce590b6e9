package io.marque.portal.it.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.marque.portal.it.sweep.Surface.Entry;
import io.marque.portal.it.sweep.Surface.Type;
import jakarta.ejb.Stateless;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds {@link SurfaceRegistry} and {@link ServiceCoverage} to the code, so no page, servlet, API method
 * or id-taking service method can be added without being swept: the real surface is enumerated from the
 * sources and classes (every view under portal-web's webapp but the templates and includes, every
 * {@code @WebServlet} URL pattern and every JAX-RS resource method of portal-web's compiled classes, every
 * public method of a {@code @Stateless} service of portal-ejb that takes an id), and each one missing from
 * the registries is named, as is each registered one the code no longer has.
 *
 * <p>A plain unit test (no server): portal-web's classes are read from its build directory, as the reactor
 * builds it before this module; portal-ejb's are on the class path.
 */
class SurfaceCoverageTest {

    private static final java.nio.file.Path WEB = Paths.get(System.getProperty("basedir", "."), "..", "portal-web")
            .normalize();
    private static final java.nio.file.Path WEBAPP = WEB.resolve("src/main/webapp");
    private static final java.nio.file.Path WEB_SOURCES = WEB.resolve("src/main/java");
    private static final java.nio.file.Path WEB_CLASSES = WEB.resolve("target/classes");

    private static List<Class<?>> webClasses;

    @BeforeAll
    static void loadPortalWeb() throws Exception {
        assertTrue(Files.isDirectory(WEB_CLASSES), "portal-web is compiled (" + WEB_CLASSES
                + "): build with -am, or the whole reactor");
        URLClassLoader loader = new URLClassLoader(new URL[] {WEB_CLASSES.toUri().toURL()},
                SurfaceCoverageTest.class.getClassLoader());
        webClasses = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(WEB_CLASSES)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = WEB_CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, loader);
                    type.getDeclaredMethods(); // every signature resolves, so no annotated method is missed
                    webClasses.add(type);
                } catch (LinkageError | ClassNotFoundException e) {
                    String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    if (bytes.contains("jakarta/servlet/annotation/WebServlet") || bytes.contains("jakarta/ws/rs/")) {
                        unreadable.add(name + ": " + e);
                    }
                }
            }
        }
        assertTrue(unreadable.isEmpty(), "web classes that could not be read for their routes: " + unreadable);
    }

    // ---- the web surface -----------------------------------------------------------------------------

    @Test
    void everyViewIsRegistered() throws IOException {
        Set<String> views;
        try (Stream<java.nio.file.Path> files = Files.walk(WEBAPP)) {
            views = files.filter(f -> f.toString().endsWith(".xhtml"))
                    .map(f -> "/" + WEBAPP.relativize(f).toString().replace('\\', '/'))
                    .filter(v -> !v.startsWith("/WEB-INF/") && !v.contains("/includes/") && !v.contains("/templates/"))
                    .map(v -> v.substring(0, v.length() - ".xhtml".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(views.size() > 50, "the views were found: " + views.size());
        compare("view", views, registered(Type.VIEW));
    }

    @Test
    void everyServletPatternIsRegistered() {
        Set<String> patterns = new TreeSet<>();
        for (Class<?> type : webClasses) {
            WebServlet servlet = type.getAnnotation(WebServlet.class);
            if (servlet != null) {
                patterns.addAll(List.of(servlet.value()));
                patterns.addAll(List.of(servlet.urlPatterns()));
            }
        }
        assertTrue(patterns.size() >= 9, "the servlets were found: " + patterns);
        compare("servlet URL pattern", patterns, registered(Type.SERVLET));
    }

    @Test
    void everyApiMethodIsRegistered() {
        String root = webClasses.stream().map(c -> c.getAnnotation(ApplicationPath.class)).filter(a -> a != null)
                .map(ApplicationPath::value).findFirst().orElseThrow(() -> new AssertionError("no @ApplicationPath"));
        Set<String> methods = new TreeSet<>();
        for (Class<?> type : webClasses) {
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        methods.add(verb.value() + " " + join(root, base.value(), sub == null ? "" : sub.value()));
                    }
                }
                if (method.getAnnotation(Path.class) != null && Arrays.stream(method.getAnnotations())
                        .noneMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                    fail("a sub-resource locator the sweep cannot enumerate: " + type.getName() + "#" + method.getName());
                }
            }
        }
        assertTrue(methods.size() >= 20, "the API methods were found: " + methods);
        compare("API method", methods, registered(Type.API));
    }

    @Test
    void theRegistryIsConsistent() {
        Set<String> keys = new HashSet<>();
        for (Entry entry : SurfaceRegistry.entries()) {
            assertTrue(keys.add(entry.type() + " " + entry.key()), "registered twice: " + entry.key());
            assertTrue(!entry.roles().isEmpty(), entry.key() + " names who may use it");
            for (Surface.Action action : entry.actions()) {
                assertTrue(entry.takesIds(), entry.key() + ": an action is swept with the entry's id");
                assertTrue(!action.form().isBlank() && !action.button().isBlank(), entry.key());
            }
            if (entry.type() == Type.VIEW && entry.area() == Surface.Area.RESELLER) {
                String area = entry.key().split("/")[1];
                assertTrue(area.equals("customer") ? entry.roles().equals(Surface.CUSTOMER)
                        : entry.roles().stream().noneMatch(r -> r == Surface.Role.CUSTOMER || r.provider()),
                        entry.key() + ": roles fit the area");
            }
            if (entry.type() == Type.VIEW && entry.key().startsWith("/admin/")) {
                assertEquals(Surface.Area.PROVIDER, entry.area(), entry.key());
            }
        }
    }

    /** The form and button ids an action posts exist in the view (or its includes). */
    @Test
    void everyRegisteredActionNamesAFormAndAButtonOfItsView() throws IOException {
        String includes;
        try (Stream<java.nio.file.Path> files = Files.walk(WEBAPP.resolve("WEB-INF/includes"))) {
            includes = files.filter(Files::isRegularFile).map(SurfaceCoverageTest::read).collect(Collectors.joining());
        }
        for (Entry entry : SurfaceRegistry.entries()) {
            if (entry.actions().isEmpty()) {
                continue;
            }
            String view = read(WEBAPP.resolve(entry.key().substring(1) + ".xhtml")) + includes;
            for (Surface.Action action : entry.actions()) {
                assertTrue(view.contains("<h:form id=\"" + action.form() + "\""), entry.key() + ": form " + action.form());
                String button = action.button().substring(action.button().indexOf(':') + 1);
                assertTrue(view.contains("id=\"" + button + "\""), entry.key() + ": button " + action.button());
            }
        }
    }

    // ---- the services: each id-taking method is swept through a registered entry or a named IT ---------

    @Test
    void everyServiceMethodTakingAnIdIsSwept() throws Exception {
        Map<String, Set<String>> callers = webCallsIntoServices();
        Set<String> missing = new TreeSet<>();
        Set<String> found = new TreeSet<>();
        for (Class<?> service : statelessServices()) {
            for (Method method : service.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic() || !takesAnId(method)) {
                    continue;
                }
                String key = service.getSimpleName() + "#" + method.getName();
                found.add(key);
                if (!callers.containsKey(key) && !ServiceCoverage.COVERED.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        assertTrue(found.size() > 50, "the service methods were found: " + found.size());
        Set<String> stale = new TreeSet<>(ServiceCoverage.COVERED.keySet());
        stale.removeAll(found);
        assertTrue(missing.isEmpty(), missing.size() + " service methods take an id but no registered page, servlet or"
                + " API method calls them and ServiceCoverage names no IT for them:\n  " + String.join("\n  ", missing));
        assertTrue(stale.isEmpty(), "ServiceCoverage names methods the services no longer have: " + stale);
    }

    /** Each IT method ServiceCoverage names exists, so the pointer cannot rot. */
    @Test
    void everyNamedItExists() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> covered : ServiceCoverage.COVERED.entrySet()) {
            String how = covered.getValue();
            if (how.startsWith(ServiceCoverage.INTERNAL)) {
                continue;
            }
            if (how.startsWith(ServiceCoverage.UNCALLED)) {
                String method = covered.getKey().substring(covered.getKey().indexOf('#') + 1);
                if (callsAnywhere(method)) {
                    wrong.add(covered.getKey() + " is said to have no caller, but the sources call ." + method + "(");
                }
                continue;
            }
            for (String reference : how.split(",\\s*")) {
                String[] parts = reference.split("#");
                try {
                    Class<?> it = Class.forName("io.marque.portal." + parts[0]);
                    if (Arrays.stream(it.getDeclaredMethods()).noneMatch(m -> m.getName().equals(parts[1])
                            && m.isAnnotationPresent(Test.class))) {
                        wrong.add(covered.getKey() + " -> " + reference + " (no such test method)");
                    }
                } catch (ClassNotFoundException | ArrayIndexOutOfBoundsException e) {
                    wrong.add(covered.getKey() + " -> " + reference + " (" + e + ")");
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** Whether any main source of portal-ejb or portal-web calls a method of that name. */
    private static boolean callsAnywhere(String method) {
        Pattern call = Pattern.compile("\\.\\s*" + method + "\\s*\\(");
        for (java.nio.file.Path root : List.of(WEB_SOURCES, WEB.resolveSibling("portal-ejb").resolve("src/main/java"))) {
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                if (files.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> call.matcher(read(f)).find())) {
                    return true;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return false;
    }

    /**
     * Which service methods the registered surface calls: the servlets and resources themselves, the named
     * beans the registered views (and their includes) use, and what those inject, read from portal-web's
     * sources ({@code field.method(} where the field's type is a service). Keyed "Service#method".
     */
    private static Map<String, Set<String>> webCallsIntoServices() throws Exception {
        Set<String> services = statelessServices().stream().map(Class::getSimpleName).collect(Collectors.toSet());
        Map<String, String> sources = new HashMap<>();
        try (Stream<java.nio.file.Path> files = Files.walk(WEB_SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(f -> sources.put(f.getFileName().toString().replace(".java", ""), read(f)));
        }
        String pages;
        try (Stream<java.nio.file.Path> files = Files.walk(WEBAPP)) {
            pages = files.filter(f -> f.toString().endsWith(".xhtml")).map(SurfaceCoverageTest::read)
                    .collect(Collectors.joining("\n"));
        }
        Set<String> entryClasses = new TreeSet<>();
        for (Class<?> type : webClasses) {
            if (type.isAnnotationPresent(WebServlet.class) || type.isAnnotationPresent(Path.class)) {
                entryClasses.add(type.getSimpleName());
            }
        }
        Pattern named = Pattern.compile("@Named(?:\\(\"(\\w+)\"\\))?\\s+(?:@\\w+(?:\\([^)]*\\))?\\s+)*public\\s+(?:abstract\\s+)?class\\s+(\\w+)");
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Matcher m = named.matcher(source.getValue());
            if (m.find()) {
                String name = m.group(1) != null ? m.group(1)
                        : Character.toLowerCase(m.group(2).charAt(0)) + m.group(2).substring(1);
                if (Pattern.compile("#\\{[^}]*\\b" + name + "\\b").matcher(pages).find()) {
                    entryClasses.add(source.getKey());
                }
            }
        }
        // what the entry classes reach: their superclasses and the web classes they inject
        Set<String> reached = new TreeSet<>();
        List<String> queue = new ArrayList<>(entryClasses);
        while (!queue.isEmpty()) {
            String name = queue.remove(queue.size() - 1);
            if (!reached.add(name) || !sources.containsKey(name)) {
                continue;
            }
            String source = sources.get(name);
            Matcher parent = Pattern.compile("class\\s+" + name + "\\s+extends\\s+(\\w+)").matcher(source);
            if (parent.find()) {
                queue.add(parent.group(1));
            }
            Matcher field = Pattern.compile("@(?:Inject|EJB)\\s+(?:(?:private|protected|public|final)\\s+)*(\\w+)\\s+\\w+;")
                    .matcher(source);
            while (field.find()) {
                if (sources.containsKey(field.group(1))) {
                    queue.add(field.group(1));
                }
            }
        }
        Map<String, Set<String>> calls = new HashMap<>();
        Pattern serviceField = Pattern.compile("(?:@Inject|@EJB)\\s+(?:(?:private|protected|public|final)\\s+)*([\\w.]+)\\s+(\\w+);");
        for (String name : reached) {
            String source = sources.get(name);
            if (source == null) {
                continue;
            }
            Matcher field = serviceField.matcher(source);
            while (field.find()) {
                String type = field.group(1).substring(field.group(1).lastIndexOf('.') + 1);
                if (!services.contains(type)) {
                    continue;
                }
                Matcher call = Pattern.compile("\\b" + field.group(2) + "\\s*\\.\\s*(\\w+)\\s*\\(").matcher(source);
                while (call.find()) {
                    calls.computeIfAbsent(type + "#" + call.group(1), k -> new TreeSet<>()).add(name);
                }
            }
        }
        return calls;
    }

    private static List<Class<?>> statelessServices() throws Exception {
        URL location = io.marque.portal.identity.Actor.class.getProtectionDomain().getCodeSource().getLocation();
        java.nio.file.Path root = Paths.get(location.toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> names.add(root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "")));
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                jar.stream().filter(e -> e.getName().endsWith(".class"))
                        .forEach(e -> names.add(e.getName().replace('/', '.').replaceAll("\\.class$", "")));
            }
        }
        List<Class<?>> services = new ArrayList<>();
        for (String name : names) {
            if (!name.startsWith("io.marque.portal.") || name.contains("$")) {
                continue;
            }
            try {
                Class<?> type = Class.forName(name, false, SurfaceCoverageTest.class.getClassLoader());
                if (type.isAnnotationPresent(Stateless.class)) {
                    services.add(type);
                }
            } catch (LinkageError e) {
                // a class that cannot load here is no @Stateless bean we could read; the web side still names it
            }
        }
        return services;
    }

    private static boolean takesAnId(Method method) {
        return Arrays.stream(method.getParameterTypes()).anyMatch(p -> p == long.class || p == Long.class);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static Set<String> registered(Type type) {
        return SurfaceRegistry.entries().stream().filter(e -> e.type() == type).map(Entry::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void compare(String what, Set<String> inCode, Set<String> inRegistry) {
        Set<String> unregistered = new TreeSet<>(inCode);
        unregistered.removeAll(inRegistry);
        Set<String> gone = new TreeSet<>(inRegistry);
        gone.removeAll(inCode);
        StringBuilder problems = new StringBuilder();
        if (!unregistered.isEmpty()) {
            problems.append("\nin the code but not in SurfaceRegistry (register each, with its roles and ids, so the"
                    + " isolation sweep requests it):\n  ").append(String.join("\n  ", unregistered));
        }
        if (!gone.isEmpty()) {
            problems.append("\nin SurfaceRegistry but no longer in the code:\n  ").append(String.join("\n  ", gone));
        }
        assertTrue(problems.isEmpty(), what + ":" + problems);
    }

    private static String join(String... parts) {
        String path = Arrays.stream(parts).filter(p -> !p.isEmpty())
                .map(p -> p.startsWith("/") ? p : "/" + p).map(p -> p.endsWith("/") ? p.substring(0, p.length() - 1) : p)
                .collect(Collectors.joining());
        return path.isEmpty() ? "/" : path;
    }

    private static String read(java.nio.file.Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
