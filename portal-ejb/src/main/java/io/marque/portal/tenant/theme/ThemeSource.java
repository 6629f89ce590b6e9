package io.marque.portal.tenant.theme;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The files of one theme folder, without any inheritance: where they come from (the class path or a
 * directory) and an in-memory cache of what was read.
 *
 * <p>Files are read lazily because a jar cannot be listed through a class loader; once read they stay
 * in memory (themes are small). Misses are cached too, but only up to {@link #MAX_CACHED_MISSES}, so
 * that requests for made-up paths cannot grow the cache without bound.
 */
abstract class ThemeSource {

    private static final Logger LOG = Logger.getLogger(ThemeSource.class.getName());

    static final String PROPERTIES_FILE = "theme.properties";
    static final int MAX_CACHED_MISSES = 256;
    private static final int MAX_PATH_LENGTH = 255;
    private static final Pattern THEME_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final String name;
    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> bundles = new ConcurrentHashMap<>();
    private final AtomicInteger cachedMisses = new AtomicInteger();
    private Map<String, String> declared = Map.of();

    ThemeSource(String name) {
        this.name = name;
    }

    /** Reads {@code theme.properties}; false (after a warning) when it is missing or unreadable. */
    final boolean loadDeclaredProperties() {
        Optional<byte[]> bytes = file(PROPERTIES_FILE);
        if (bytes.isEmpty()) {
            LOG.warning(() -> "Theme folder " + describe() + " has no " + PROPERTIES_FILE + "; ignored");
            return false;
        }
        try {
            declared = parseProperties(bytes.get());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, e, () -> "Cannot read " + PROPERTIES_FILE + " of theme " + describe() + "; ignored");
            return false;
        }
    }

    final String name() {
        return name;
    }

    /** The theme's own {@code theme.properties}, not merged with its parents. */
    final Map<String, String> declaredProperties() {
        return declared;
    }

    /** Where the theme comes from, for log messages. */
    abstract String describe();

    /** Reads one file; null when there is no such regular file. {@code path} is already validated. */
    protected abstract byte[] read(String path) throws IOException;

    /**
     * The file's bytes, shared with the cache: callers must not modify or leak the array.
     *
     * @param path a path accepted by {@link #isSafeRelativePath(String)}
     */
    final Optional<byte[]> file(String path) {
        Optional<byte[]> cached = files.get(path);
        if (cached != null) {
            return cached;
        }
        Optional<byte[]> loaded;
        try {
            loaded = Optional.ofNullable(read(path));
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.FINE, e, () -> "Cannot read " + path + " of theme " + describe());
            loaded = Optional.empty();
        }
        if (loaded.isPresent() || cachedMisses.incrementAndGet() <= MAX_CACHED_MISSES) {
            Optional<byte[]> raced = files.putIfAbsent(path, loaded);
            return raced != null ? raced : loaded;
        }
        return loaded;
    }

    /** A message bundle of this folder only (e.g. {@code messages_de.properties}); empty when absent. */
    final Map<String, String> bundle(String fileName) {
        Map<String, String> cached = bundles.get(fileName);
        if (cached != null) {
            return cached;
        }
        Optional<byte[]> bytes = file(fileName);
        if (bytes.isEmpty()) {
            return Map.of(); // the miss is already bounded-cached by file()
        }
        Map<String, String> parsed;
        try {
            parsed = parseProperties(bytes.get());
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, e, () -> "Cannot read " + fileName + " of theme " + describe() + "; ignored");
            parsed = Map.of();
        }
        Map<String, String> raced = bundles.putIfAbsent(fileName, parsed);
        return raced != null ? raced : parsed;
    }

    static Map<String, String> parseProperties(byte[] bytes) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            map.put(key, properties.getProperty(key).trim());
        }
        return Collections.unmodifiableMap(map);
    }

    static boolean isValidThemeName(String name) {
        return name != null && THEME_NAME.matcher(name).matches();
    }

    /**
     * True for a plain relative path such as {@code css/theme.css}: no empty, {@code .} or {@code ..}
     * segment, no leading slash, no backslash, drive letter or control character.
     */
    static boolean isSafeRelativePath(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_PATH_LENGTH || path.charAt(0) == '/') {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
                return false;
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** A theme folder inside a jar or class path directory: {@code themes/<name>/}. */
    static final class ClassPathSource extends ThemeSource {

        private final ClassLoader loader;

        ClassPathSource(String name, ClassLoader loader) {
            super(name);
            this.loader = loader;
        }

        @Override
        String describe() {
            return name() + " (class path)";
        }

        @Override
        protected byte[] read(String path) throws IOException {
            URL url = loader.getResource(ThemeRegistry.CLASS_PATH_ROOT + name() + "/" + path);
            if (url == null || url.getPath().endsWith("/")) {
                // JBoss VFS (the EAR's lib/ in the application server) ends directory URLs with a slash
                // and would otherwise stream a directory as a synthesized jar
                return null;
            }
            if ("file".equals(url.getProtocol())) {
                // class path directories (tests, IDEs) would otherwise hand out directory listings
                Path file;
                try {
                    file = Path.of(url.toURI());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IOException(e);
                }
                return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            }
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false); // the bytes are cached here; don't keep the jar open as well
            if (connection instanceof JarURLConnection jar
                    && (jar.getJarEntry() == null || jar.getJarEntry().isDirectory())) {
                return null;
            }
            try (InputStream in = connection.getInputStream()) {
                return in.readAllBytes();
            }
        }
    }

    /** A theme folder in the provider's themes directory. */
    static final class DirectorySource extends ThemeSource {

        private final Path root;

        DirectorySource(String name, Path root) {
            super(name);
            this.root = root.toAbsolutePath().normalize();
        }

        @Override
        String describe() {
            return name() + " (" + root + ")";
        }

        @Override
        protected byte[] read(String path) throws IOException {
            Path file = root.resolve(path).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                return null;
            }
            return Files.readAllBytes(file);
        }
    }
}
