package io.marque.portal.tenant.theme;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * All themes of the installation, by name.
 *
 * <p>Themes come from two places. The themes jar holds them under {@code themes/<name>/} on the class
 * path; because a jar inside an EAR cannot be listed through a class loader, their names are read from
 * {@code themes/index.txt} (one name per line, {@code #} starts a comment; every such file on the
 * class path counts). Optionally a directory holds one folder per theme, so the provider can add or
 * change themes without a rebuild; a directory theme replaces a built-in theme of the same name
 * entirely. A folder is a theme when it holds a {@code theme.properties}.
 *
 * <p>Every chain ends at {@code base}: a theme without {@code parent}, with an unknown parent or with a
 * parent cycle extends {@code base} directly (the latter two with a warning). Unknown theme names
 * resolve to {@code base} as well, so a tenant whose theme was removed still gets a working portal.
 *
 * <p>Thread-safe: lookups read an immutable snapshot, {@link #reload()} swaps in a new one.
 *
 * <pre>{@code
 * ThemeRegistry themes = new ThemeRegistry(getClass().getClassLoader(), Path.of("/srv/portal/themes"));
 * Theme theme = themes.theme("aurora");
 * }</pre>
 */
public final class ThemeRegistry {

    private static final Logger LOG = Logger.getLogger(ThemeRegistry.class.getName());

    static final String CLASS_PATH_ROOT = "themes/";
    static final String INDEX = CLASS_PATH_ROOT + "index.txt";
    static final String BASE = "base";
    private static final String PARENT = "parent";
    private static final int MAX_WARNED_NAMES = 1000;

    private final ClassLoader loader;
    private final Path themesDir;
    private final Map<String, ThemeSource> builtIn;
    private volatile Snapshot snapshot;

    /** What {@link #theme(String)} reads: the linked themes and the unknown names already warned about. */
    private record Snapshot(Map<String, Theme> themes, SortedSet<String> names, Set<String> warned) {
    }

    /**
     * Loads the built-in themes and, if given, the directory themes.
     *
     * @param loader    the class loader that sees the themes jar; null means this class's loader
     * @param themesDir a directory with a folder per theme, or null for built-in themes only; it need not
     *                  exist yet (a later {@link #reload()} picks it up)
     * @throws IllegalStateException when no theme named {@code base} can be found
     */
    public ThemeRegistry(ClassLoader loader, Path themesDir) {
        this.loader = loader != null ? loader : ThemeRegistry.class.getClassLoader();
        this.themesDir = themesDir;
        this.builtIn = Collections.unmodifiableMap(loadBuiltIn(this.loader));
        this.snapshot = link(withDirectoryThemes());
    }

    /**
     * @param name a theme name as stored for a tenant
     * @return that theme; {@code base} when the name is null, blank or unknown (unknown names are logged
     *     once as a warning)
     */
    public Theme theme(String name) {
        Snapshot current = snapshot;
        Theme theme = name == null ? null : current.themes().get(name);
        if (theme != null) {
            return theme;
        }
        if (name != null && !name.isBlank()) {
            if (current.warned().size() < MAX_WARNED_NAMES && current.warned().add(name)) {
                LOG.warning(() -> "Unknown theme '" + printable(name) + "'; using " + BASE);
            } else {
                LOG.fine(() -> "Unknown theme '" + printable(name) + "'; using " + BASE);
            }
        }
        return current.themes().get(BASE);
    }

    /** The names of all themes, built-in and directory ones. */
    public SortedSet<String> names() {
        return snapshot.names();
    }

    /**
     * Re-reads the themes directory and relinks all themes, so a theme the provider added or changed is
     * served without a restart. Built-in themes are not re-read: the jar cannot change while deployed.
     * Themes handed out earlier keep their old content.
     *
     * @throws IllegalStateException when the result would have no {@code base}; the previous themes stay
     */
    public synchronized void reload() {
        snapshot = link(withDirectoryThemes());
        LOG.info(() -> "Themes reloaded: " + snapshot.names());
    }

    private static Map<String, ThemeSource> loadBuiltIn(ClassLoader loader) {
        Map<String, ThemeSource> sources = new TreeMap<>();
        Enumeration<URL> indexes;
        try {
            indexes = loader.getResources(INDEX);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look up " + INDEX, e);
        }
        if (!indexes.hasMoreElements()) {
            LOG.warning(() -> "No " + INDEX + " on the class path; no built-in themes");
        }
        while (indexes.hasMoreElements()) {
            URL index = indexes.nextElement();
            for (String name : readIndex(index)) {
                if (!ThemeSource.isValidThemeName(name)) {
                    LOG.warning(() -> "Invalid theme name '" + printable(name) + "' in " + index + "; ignored");
                    continue;
                }
                ThemeSource source = new ThemeSource.ClassPathSource(name, loader);
                if (source.loadDeclaredProperties()) {
                    sources.putIfAbsent(name, source);
                }
            }
        }
        return sources;
    }

    private static Iterable<String> readIndex(URL index) {
        try {
            URLConnection connection = index.openConnection();
            connection.setUseCaches(false);
            String text;
            try (InputStream in = connection.getInputStream()) {
                text = new String(in.readAllBytes(), UTF_8);
            }
            return text.lines()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            LOG.log(Level.WARNING, e, () -> "Cannot read " + index + "; its themes are ignored");
            return List.of();
        }
    }

    private Map<String, ThemeSource> withDirectoryThemes() {
        Map<String, ThemeSource> sources = new TreeMap<>(builtIn);
        if (themesDir == null) {
            return sources;
        }
        if (!Files.isDirectory(themesDir)) {
            LOG.warning(() -> "Themes directory " + themesDir + " does not exist; built-in themes only");
            return sources;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(themesDir, Files::isDirectory)) {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (!ThemeSource.isValidThemeName(name)) {
                    LOG.warning(() -> "Theme folder " + folder + " has an invalid name; ignored");
                    continue;
                }
                ThemeSource source = new ThemeSource.DirectorySource(name, folder);
                if (source.loadDeclaredProperties()) {
                    if (builtIn.containsKey(name)) {
                        LOG.info(() -> "Theme " + source.describe() + " replaces the built-in theme " + name);
                    }
                    sources.put(name, source);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, e, () -> "Cannot list themes directory " + themesDir + "; built-in themes only");
            return new TreeMap<>(builtIn);
        }
        return sources;
    }

    private static Snapshot link(Map<String, ThemeSource> sources) {
        if (!sources.containsKey(BASE)) {
            throw new IllegalStateException("No theme named '" + BASE + "': is the themes jar on the class path ("
                    + INDEX + ")?");
        }
        Map<String, Theme> linked = new HashMap<>();
        for (String name : sources.keySet()) {
            link(name, sources, linked, new ArrayDeque<>());
        }
        return new Snapshot(Collections.unmodifiableMap(new LinkedHashMap<>(linked)),
                Collections.unmodifiableSortedSet(new TreeSet<>(sources.keySet())),
                ConcurrentHashMap.newKeySet());
    }

    /** Builds {@code name}'s theme after its parent; {@code path} holds the names being built below it. */
    private static Theme link(String name, Map<String, ThemeSource> sources, Map<String, Theme> linked,
            Deque<String> path) {
        Theme done = linked.get(name);
        if (done != null) {
            return done;
        }
        ThemeSource source = sources.get(name);
        String declared = source.declaredProperties().getOrDefault(PARENT, "");
        Theme parent;
        if (name.equals(BASE)) {
            if (!declared.isEmpty()) {
                LOG.warning(() -> "Theme " + BASE + " cannot have a parent; '" + printable(declared) + "' ignored");
            }
            parent = null;
        } else if (declared.isEmpty() || declared.equals(BASE)) {
            parent = link(BASE, sources, linked, path);
        } else if (!sources.containsKey(declared)) {
            LOG.warning(() -> "Theme " + source.describe() + " extends unknown theme '" + printable(declared)
                    + "'; it extends " + BASE + " instead");
            parent = link(BASE, sources, linked, path);
        } else if (declared.equals(name) || path.contains(declared)) {
            LOG.warning(() -> "Theme " + source.describe() + " closes a parent cycle through '" + declared
                    + "'; it extends " + BASE + " instead");
            parent = link(BASE, sources, linked, path);
        } else {
            path.push(name);
            parent = link(declared, sources, linked, path);
            path.pop();
        }
        Theme theme = new Theme(source, parent);
        linked.put(name, theme);
        return theme;
    }

    /** Names can come from anywhere (a database row, a request); keep log lines single and short. */
    private static String printable(String text) {
        String cleaned = text.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "..." : cleaned;
    }
}
