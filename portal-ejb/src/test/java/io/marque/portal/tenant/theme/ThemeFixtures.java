package io.marque.portal.tenant.theme;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Builds theme folders on disk and watches the theme loggers. */
final class ThemeFixtures {

    private ThemeFixtures() {
    }

    /** A class loader that sees no themes at all, so a test depends only on its directory themes. */
    static ClassLoader emptyLoader() {
        return new URLClassLoader(new URL[0], null);
    }

    /** Writes {@code root/<relative>} as UTF-8, creating folders. */
    static Path write(Path root, String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A theme folder with a {@code theme.properties} of the given lines. */
    static Path theme(Path themesDir, String name, String... propertyLines) {
        write(themesDir, name + "/theme.properties", String.join("\n", propertyLines) + "\n");
        return themesDir.resolve(name);
    }

    /** The root of the themes module's resources, found from this module's directory. */
    static Path themesModuleResources() {
        Path start = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path candidate : List.of(start.resolve("../themes/src/main/resources"),
                start.resolve("themes/src/main/resources"))) {
            if (Files.isDirectory(candidate.resolve("themes"))) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("themes/src/main/resources not found from " + start);
    }

    /** Collects the warnings of the theme package while open. */
    static final class Warnings implements AutoCloseable {

        private final Logger logger = Logger.getLogger(ThemeRegistry.class.getPackageName());
        private final List<LogRecord> records = new ArrayList<>();
        private final Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (records) {
                        records.add(record);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        Warnings() {
            logger.addHandler(handler);
        }

        String text() {
            synchronized (records) {
                return records.stream().map(LogRecord::getMessage).collect(Collectors.joining("\n"));
            }
        }

        int count() {
            synchronized (records) {
                return records.size();
            }
        }

        @Override
        public void close() {
            logger.removeHandler(handler);
        }
    }
}
