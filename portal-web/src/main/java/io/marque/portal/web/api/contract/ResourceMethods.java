package io.marque.portal.web.api.contract;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The resource methods of a package (and its subpackages) as JAX-RS routes them: {@code "POST /customers"}
 * (the path relative to the application's, templates without their patterns) to the Java method. Read by
 * reflection from the compiled classes, as {@link ContractFilter} needs to find the method of each operation
 * the generator found.
 */
public final class ResourceMethods {

    private ResourceMethods() {
    }

    /** Every route of the package's {@code @Path} classes, sorted. */
    public static Map<String, Method> of(ClassLoader loader, String packageName) {
        Map<String, Method> routes = new TreeMap<>();
        for (Class<?> type : classes(loader, packageName)) {
            Path base = type.getAnnotation(Path.class);
            if (base == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String route = verb + " " + join(base.value(), sub == null ? "" : sub.value());
                Method twin = routes.put(route, method);
                if (twin != null) {
                    throw new IllegalStateException(route + " is both " + twin + " and " + method);
                }
            }
        }
        return routes;
    }

    /** The HTTP method a resource method answers, or null if it answers none. */
    public static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** A class's and a method's {@code @Path} as one path: one slash between segments, none at the end, and
     *  {@code {id: \d+}} written {@code {id}} as OpenAPI writes templates. */
    public static String join(String classPath, String methodPath) {
        StringBuilder path = new StringBuilder();
        for (String part : List.of(classPath, methodPath)) {
            for (String segment : withoutPatterns(part).split("/")) {
                if (!segment.isBlank()) {
                    path.append('/').append(segment.strip());
                }
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    private static String withoutPatterns(String path) {
        StringBuilder plain = new StringBuilder();
        int depth = 0;
        boolean pattern = false;
        for (char c : path.toCharArray()) {
            if (depth == 0) {
                plain.append(c);
                if (c == '{') {
                    depth = 1;
                    pattern = false;
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    plain.append(c);
                }
            } else if (c == ':' && depth == 1) {
                pattern = true;
            } else if (!pattern && !Character.isWhitespace(c)) {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    private static List<Class<?>> classes(ClassLoader loader, String packageName) {
        String folder = packageName.replace('.', '/');
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> places = loader.getResources(folder);
            for (URL place : Collections.list(places)) {
                if ("file".equals(place.getProtocol())) {
                    java.nio.file.Path root = java.nio.file.Path.of(place.toURI());
                    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                        files.map(file -> root.relativize(file).toString().replace(java.io.File.separatorChar, '/'))
                                .filter(name -> name.endsWith(".class"))
                                .forEach(name -> names.add(folder + "/" + name));
                    }
                } else if ("jar".equals(place.getProtocol())) {
                    try (JarFile jar = ((JarURLConnection) place.openConnection()).getJarFile()) {
                        for (JarEntry entry : Collections.list(jar.entries())) {
                            if (entry.getName().startsWith(folder + "/") && entry.getName().endsWith(".class")) {
                                names.add(entry.getName());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            if (name.contains("$") || name.endsWith("package-info.class") || name.endsWith("module-info.class")) {
                continue;
            }
            try {
                classes.add(Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("Cannot load " + name, e);
            }
        }
        return classes;
    }
}
