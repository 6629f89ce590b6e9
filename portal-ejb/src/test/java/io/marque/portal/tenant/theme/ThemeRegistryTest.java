package io.marque.portal.tenant.theme;

import static io.marque.portal.tenant.theme.ThemeFixtures.emptyLoader;
import static io.marque.portal.tenant.theme.ThemeFixtures.theme;
import static io.marque.portal.tenant.theme.ThemeFixtures.write;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Theme lookup against themes written into a temporary directory, with a class loader that sees no
 * built-in themes, so each test controls the whole chain.
 */
class ThemeRegistryTest {

    @TempDir
    Path dir;

    @BeforeEach
    void threeGenerations() {
        theme(dir, "base", "displayName=Base", "parent=", "layout=topbar", "color.primary=#111111",
                "color.accent=#aaaaaa", "radius=8px");
        write(dir, "base/css/theme.css", "/*base*/");
        write(dir, "base/img/logo.svg", "<svg>base</svg>");
        write(dir, "base/only-base.txt", "from base");
        write(dir, "base/shared.txt", "shared from base");
        write(dir, "base/messages_en.properties", "greeting=Hello\nfarewell=Goodbye\nonly.en=English only\n");
        write(dir, "base/messages_de.properties", "greeting=Hallo\nfarewell=Tschüss\n");

        theme(dir, "mid", "displayName=Middle", "parent=base", "layout=sidebar", "color.primary=#222222");
        write(dir, "mid/css/theme.css", "/*mid*/");
        write(dir, "mid/shared.txt", "shared from mid");
        write(dir, "mid/messages_en.properties", "farewell=See you\n");

        theme(dir, "leaf", "parent=mid", "color.primary=#333333");
        write(dir, "leaf/css/theme.css", "/*leaf*/");
        write(dir, "leaf/only-leaf.txt", "from leaf");
        write(dir, "leaf/messages_de.properties", "greeting=Grüß dich\n");
        write(dir, "leaf/messages_pt_BR.properties", "greeting=Oi\n");
        write(dir, "leaf/messages_pt.properties", "greeting=Olá\nfarewell=Adeus\n");
    }

    private ThemeRegistry registry() {
        return new ThemeRegistry(emptyLoader(), dir);
    }

    @Test
    void chainRunsFromChildToBase() {
        Theme leaf = registry().theme("leaf");

        assertEquals("leaf", leaf.name());
        assertEquals("mid", leaf.parent().orElseThrow().name());
        assertEquals("base", leaf.parent().orElseThrow().parent().orElseThrow().name());
        assertTrue(leaf.parent().orElseThrow().parent().orElseThrow().parent().isEmpty());
        assertEquals("Theme[leaf -> mid -> base]", leaf.toString());
    }

    @Test
    void resourceIsTheFirstMatchWalkingTowardsBase() {
        Theme leaf = registry().theme("leaf");

        assertEquals(Optional.of("from leaf"), leaf.text("only-leaf.txt"));
        assertEquals(Optional.of("shared from mid"), leaf.text("shared.txt"));
        assertEquals(Optional.of("from base"), leaf.text("only-base.txt"));
        assertEquals(Optional.of("/*leaf*/"), leaf.text("css/theme.css"));
        assertEquals(Optional.empty(), leaf.text("nowhere.txt"));
        assertEquals(Optional.of("shared from base"), registry().theme("base").text("shared.txt"));
    }

    @Test
    void stylesheetsLoadBaseFirstAndEachDescendantAfterIt() throws Exception {
        assertEquals(List.of("/*base*/", "/*mid*/", "/*leaf*/"), texts(registry().theme("leaf").stylesheets()));

        Files.delete(dir.resolve("mid/css/theme.css")); // a theme without its own stylesheet is skipped
        assertEquals(List.of("/*base*/", "/*leaf*/"), texts(registry().theme("leaf").stylesheets()));
        assertEquals(List.of("/*base*/"), texts(registry().theme("base").stylesheets()));
    }

    @Test
    void propertiesMergeWithTheChildWinning() {
        Theme leaf = registry().theme("leaf");

        assertEquals("#333333", leaf.property("color.primary"));
        assertEquals("sidebar", leaf.property("layout"), "inherited from mid");
        assertEquals("#aaaaaa", leaf.property("color.accent"), "inherited from base");
        assertEquals("mid", leaf.property("parent"));
        assertNull(leaf.property("no.such.key"));
        assertNull(leaf.property(null));
        assertEquals("8px", leaf.properties().get("radius"));
        assertThrows(UnsupportedOperationException.class, () -> leaf.properties().put("layout", "x"));
    }

    @Test
    void displayNameIsTheThemesOwnOrItsName() {
        ThemeRegistry registry = registry();

        assertEquals("Middle", registry.theme("mid").displayName());
        assertEquals("leaf", registry.theme("leaf").displayName(), "not inherited from mid");
        assertEquals("Base", registry.theme("base").displayName());
    }

    @Test
    void messagesPreferTheRequestedLanguageAcrossTheChainThenEnglish() {
        Theme leaf = registry().theme("leaf");

        assertEquals("Grüß dich", leaf.message(Locale.GERMAN, "greeting"), "child, German");
        assertEquals("Tschüss", leaf.message(Locale.GERMAN, "farewell"),
                "base's German beats mid's English rewording");
        assertEquals("English only", leaf.message(Locale.GERMAN, "only.en"), "falls back to English");
        assertEquals("See you", leaf.message(Locale.ENGLISH, "farewell"), "mid's English override");
        assertEquals("Hello", leaf.message(Locale.ENGLISH, "greeting"));
        assertEquals("See you", leaf.message(Locale.FRENCH, "farewell"), "no French anywhere: English");
        assertEquals("Hello", leaf.message(null, "greeting"));
        assertNull(leaf.message(Locale.GERMAN, "missing"));
        assertNull(leaf.message(Locale.GERMAN, null));
    }

    @Test
    void regionalBundlesComeBeforeTheLanguageBundle() {
        Theme leaf = registry().theme("leaf");

        assertEquals("Oi", leaf.message(Locale.forLanguageTag("pt-BR"), "greeting"));
        assertEquals("Olá", leaf.message(Locale.forLanguageTag("pt-PT"), "greeting"));
        assertEquals("Adeus", leaf.message(Locale.forLanguageTag("pt-BR"), "farewell"));
        assertEquals("Hallo", registry().theme("mid").message(Locale.forLanguageTag("de-AT"), "greeting"));
    }

    @Test
    void messageKeysCoverTheLanguageAndEnglishOfTheWholeChain() {
        assertEquals(Set.of("greeting", "farewell", "only.en"),
                registry().theme("leaf").messageKeys(Locale.GERMAN));
        assertEquals(Set.of("greeting", "farewell", "only.en"),
                registry().theme("mid").messageKeys(Locale.ENGLISH));
    }

    @Test
    void unknownOrMissingNameMeansBaseAndUnknownIsWarnedOnce() {
        ThemeRegistry registry = registry();
        Theme base = registry.theme("base");

        try (ThemeFixtures.Warnings warnings = new ThemeFixtures.Warnings()) {
            assertSame(base, registry.theme("vanished"));
            assertSame(base, registry.theme("vanished"));
            assertSame(base, registry.theme(null));
            assertSame(base, registry.theme(" "));
            assertTrue(warnings.text().contains("vanished"), warnings.text());
            assertEquals(1, warnings.count(), warnings.text());
        }
    }

    @Test
    void unknownParentMeansBaseWithAWarning() {
        theme(dir, "orphan", "parent=gone");

        try (ThemeFixtures.Warnings warnings = new ThemeFixtures.Warnings()) {
            Theme orphan = registry().theme("orphan");

            assertEquals("base", orphan.parent().orElseThrow().name());
            assertEquals(Optional.of("from base"), orphan.text("only-base.txt"));
            assertTrue(warnings.text().contains("gone"), warnings.text());
        }
    }

    @Test
    void emptyParentMeansBase() {
        theme(dir, "plain", "displayName=Plain");

        assertEquals("base", registry().theme("plain").parent().orElseThrow().name());
    }

    @Test
    void parentCycleIsBrokenAtBaseWithAWarning() {
        theme(dir, "ping", "parent=pong");
        theme(dir, "pong", "parent=ping");
        theme(dir, "self", "parent=self");
        write(dir, "pong/pong.txt", "pong");

        try (ThemeFixtures.Warnings warnings = new ThemeFixtures.Warnings()) {
            ThemeRegistry registry = registry();

            for (String name : List.of("ping", "pong", "self")) {
                Theme theme = registry.theme(name);
                assertTrue(chainLength(theme) <= 3, theme.toString());
                assertEquals("base", last(theme).name(), theme.toString());
            }
            assertEquals("Theme[ping -> pong -> base]", registry.theme("ping").toString());
            assertEquals("Theme[self -> base]", registry.theme("self").toString());
            assertEquals(Optional.of("pong"), registry.theme("ping").text("pong.txt"));
            assertTrue(warnings.text().contains("cycle"), warnings.text());
        }
    }

    @Test
    void baseCannotHaveAParent() {
        theme(dir, "base", "displayName=Base", "parent=leaf");

        assertTrue(registry().theme("base").parent().isEmpty());
        assertEquals("Theme[leaf -> mid -> base]", registry().theme("leaf").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "..", ".", "../base/only-base.txt", "../secret.txt", "../../secret.txt",
        "css/../../secret.txt", "css/../theme.properties", "./css/theme.css", "css//theme.css", "css/",
        "/etc/passwd", "\\etc\\passwd", "css\\..\\theme.properties", "C:/Windows/win.ini", "c:secret.txt",
        "css/theme.css\u0000.png", "css/\ntheme.css"})
    void unsafePathsFindNothing(String path) {
        write(dir, "secret.txt", "outside every theme");
        Theme leaf = registry().theme("leaf");

        assertEquals(Optional.empty(), leaf.resource(path));
        assertEquals(Optional.empty(), leaf.text(path));
    }

    @Test
    void nullPathFindsNothing() {
        assertEquals(Optional.empty(), registry().theme("leaf").resource(null));
    }

    @Test
    void directoriesAreNotResources() {
        Theme leaf = registry().theme("leaf");

        assertEquals(Optional.empty(), leaf.resource("css"));
        assertTrue(leaf.resource("css/theme.css").isPresent());
    }

    @Test
    void resourceHandsOutCopies() {
        Theme leaf = registry().theme("leaf");

        leaf.resource("only-leaf.txt").orElseThrow()[0] = 'X';
        leaf.stylesheets().get(0)[0] = 'X';

        assertEquals(Optional.of("from leaf"), leaf.text("only-leaf.txt"));
        assertEquals("/*base*/", new String(leaf.stylesheets().get(0), UTF_8));
    }

    @Test
    void foldersWithoutPropertiesOrWithBadNamesAreNotThemes() {
        write(dir, "loose/css/theme.css", "/*loose*/");
        theme(dir, "bad name", "parent=base");
        theme(dir, ".hidden", "parent=base");
        write(dir, "README.txt", "not a folder");

        ThemeRegistry registry = registry();

        assertEquals(Set.of("base", "leaf", "mid"), registry.names());
    }

    @Test
    void malformedPropertiesSkipTheTheme() {
        write(dir, "broken/theme.properties", "parent=base\nbad=\\uZZZZ\n");

        try (ThemeFixtures.Warnings warnings = new ThemeFixtures.Warnings()) {
            assertFalse(registry().names().contains("broken"));
            assertTrue(warnings.text().contains("broken"), warnings.text());
        }
    }

    @Test
    void withoutAnyBaseTheRegistryRefusesToStart() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThrows(IllegalStateException.class, () -> new ThemeRegistry(emptyLoader(), empty));
        assertThrows(IllegalStateException.class, () -> new ThemeRegistry(emptyLoader(), null));
    }

    @Test
    void missingDirectoryIsPickedUpByReload() throws Exception {
        Path later = dir.resolve("later");
        Path builtIn = Files.createDirectories(dir.resolve("jar"));
        ThemeRegistry registry = new ThemeRegistry(jarLikeLoader(builtIn), later);
        assertEquals(Set.of("base"), registry.names());

        theme(later, "fresh", "parent=base");
        registry.reload();

        assertEquals(Set.of("base", "fresh"), registry.names());
    }

    @Test
    void reloadFindsNewThemesAndNewContent() throws Exception {
        ThemeRegistry registry = registry();
        Theme before = registry.theme("leaf");
        String hash = before.contentHash();
        assertEquals(hash, before.contentHash(), "stable across calls");
        assertEquals(12, hash.length());
        assertTrue(hash.matches("[0-9a-f]{12}"), hash);

        registry.reload();
        assertEquals(hash, registry.theme("leaf").contentHash(), "same files, same hash");

        write(dir, "mid/css/theme.css", "/*mid, changed*/");
        theme(dir, "added", "parent=leaf");
        assertEquals(hash, registry.theme("leaf").contentHash(), "nothing changes before reload()");
        assertFalse(registry.names().contains("added"));

        registry.reload();

        assertNotEquals(hash, registry.theme("leaf").contentHash());
        assertEquals(hash, before.contentHash(), "themes handed out earlier keep their content");
        assertEquals("Theme[added -> leaf -> mid -> base]", registry.theme("added").toString());
        assertEquals(List.of("/*base*/", "/*mid, changed*/", "/*leaf*/"),
                texts(registry.theme("added").stylesheets()));
    }

    @Test
    void contentHashFollowsTheLogo() throws Exception {
        ThemeRegistry registry = registry();
        String hash = registry.theme("leaf").contentHash();

        write(dir, "leaf/img/logo.svg", "<svg>leaf</svg>");
        registry.reload();

        assertNotEquals(hash, registry.theme("leaf").contentHash());
        assertNotEquals(registry.theme("mid").contentHash(), registry.theme("base").contentHash());
    }

    @Test
    void reloadDropsDeletedThemes() throws Exception {
        ThemeRegistry registry = registry();
        Files.delete(dir.resolve("leaf/theme.properties"));

        registry.reload();

        assertEquals(Set.of("base", "mid"), registry.names());
        assertSame(registry.theme("base"), registry.theme("leaf"));
    }

    @Test
    void concurrentReadsDuringReloadsSeeCompleteThemes() throws Exception {
        ThemeRegistry registry = registry();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int worker = t;
                tasks.add(() -> {
                    for (int i = 0; i < 300; i++) {
                        if (worker == 0 && i % 30 == 0) {
                            registry.reload();
                        }
                        Theme leaf = registry.theme("leaf");
                        assertEquals(3, leaf.stylesheets().size());
                        assertEquals(Optional.of("from base"), leaf.text("only-base.txt"));
                        assertEquals("Grüß dich", leaf.message(Locale.GERMAN, "greeting"));
                        assertEquals(12, leaf.contentHash().length());
                    }
                    return null;
                });
            }
            for (Future<Void> result : pool.invokeAll(tasks)) {
                result.get();
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void bytesOfAllStylesheetsAreTheStoredBytes() {
        assertArrayEquals("/*mid*/".getBytes(UTF_8), registry().theme("leaf").stylesheets().get(1));
    }

    @Test
    void messagesAreReadAsUtf8() {
        assertAll(
                () -> assertEquals("Tschüss", registry().theme("base").message(Locale.GERMAN, "farewell")),
                () -> assertEquals("Olá", registry().theme("leaf").message(new Locale("pt"), "greeting")));
    }

    /** A class loader whose only built-in theme is a minimal base, laid out as in the themes jar. */
    private static ClassLoader jarLikeLoader(Path root) throws Exception {
        write(root, "themes/index.txt", "# comment\nbase\n\n");
        write(root, "themes/base/theme.properties", "displayName=Base\n");
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    private static List<String> texts(List<byte[]> files) {
        return files.stream().map(bytes -> new String(bytes, UTF_8)).toList();
    }

    private static int chainLength(Theme theme) {
        int length = 1;
        for (Optional<Theme> p = theme.parent(); p.isPresent(); p = p.get().parent()) {
            length++;
        }
        return length;
    }

    private static Theme last(Theme theme) {
        Theme current = theme;
        while (current.parent().isPresent()) {
            current = current.parent().get();
        }
        return current;
    }
}
