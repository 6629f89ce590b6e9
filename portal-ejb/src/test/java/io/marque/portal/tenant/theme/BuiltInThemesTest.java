package io.marque.portal.tenant.theme;

import static io.marque.portal.tenant.theme.ThemeFixtures.theme;
import static io.marque.portal.tenant.theme.ThemeFixtures.themesModuleResources;
import static io.marque.portal.tenant.theme.ThemeFixtures.write;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The themes shipped in the themes module, loaded the way the portal loads them. */
class BuiltInThemesTest {

    private static final Set<String> SHIPPED = Set.of("base", "aurora", "harbor", "console");
    private static final List<String> COLOURS =
            List.of("color.primary", "color.accent", "color.background", "color.surface", "color.text");
    /** theme.properties key to the CSS custom property the portal emits for it. */
    private static final Map<String, String> CSS_VARIABLES = Map.of(
            "color.primary", "--m-primary", "color.accent", "--m-accent", "color.background", "--m-bg",
            "color.surface", "--m-surface", "color.text", "--m-text", "font.family", "--m-font",
            "radius", "--m-radius");

    private final ThemeRegistry registry = new ThemeRegistry(getClass().getClassLoader(), null);

    @Test
    void allShippedThemesLoad() {
        assertEquals(new TreeSet<>(SHIPPED), registry.names());
        for (String child : List.of("aurora", "harbor", "console")) {
            Theme theme = registry.theme(child);
            assertEquals(child, theme.name());
            assertEquals("base", theme.parent().orElseThrow().name(), child);
            assertEquals("base", theme.property("parent"), child);
        }
        assertEquals("Base", registry.theme("base").displayName());
        assertEquals("Aurora", registry.theme("aurora").displayName());
        assertEquals("Harbor", registry.theme("harbor").displayName());
        assertEquals("Console", registry.theme("console").displayName());
    }

    @Test
    void baseDefinesEveryKey() {
        Map<String, String> base = registry.theme("base").properties();

        for (String key : List.of("displayName", "parent", "layout", "color.primary", "color.accent",
                "color.background", "color.surface", "color.text", "font.family", "radius")) {
            assertTrue(base.containsKey(key), key);
        }
        assertEquals("", base.get("parent"));
        assertEquals("topbar", base.get("layout"));
        assertEquals("#2f6fed", base.get("color.primary"));
    }

    @Test
    void themesDifferInLayoutAndColours() {
        assertEquals("topbar", registry.theme("aurora").property("layout"));
        assertEquals("sidebar", registry.theme("harbor").property("layout"));
        assertEquals("sidebar", registry.theme("console").property("layout"));

        Set<String> palettes = new HashSet<>();
        Set<String> primaries = new HashSet<>();
        for (String name : SHIPPED) {
            Theme theme = registry.theme(name);
            palettes.add(COLOURS.stream().map(theme::property).collect(Collectors.joining(",")));
            primaries.add(theme.property("color.primary"));
            for (String key : COLOURS) {
                assertTrue(theme.property(key).matches("#[0-9a-f]{6}"), name + " " + key);
            }
        }
        assertEquals(SHIPPED.size(), palettes.size());
        assertEquals(SHIPPED.size(), primaries.size());
        assertNotEquals(registry.theme("base").property("font.family"), registry.theme("harbor").property("font.family"));
        assertNotEquals(registry.theme("aurora").property("radius"), registry.theme("harbor").property("radius"));
    }

    @Test
    void childrenInheritWhatTheyDoNotOverride() {
        Theme aurora = registry.theme("aurora");

        assertEquals(registry.theme("base").property("font.family"), aurora.property("font.family"));
        assertEquals(registry.theme("base").text("mail/password-reset.html"), aurora.text("mail/password-reset.html"));
        assertEquals(registry.theme("base").text("pdf/document.xhtml"), aurora.text("pdf/document.xhtml"),
                "Aurora keeps base's PDF page (Harbor has its own)");
        assertEquals(registry.theme("base").text("mail/layout.html"), registry.theme("harbor").text("mail/layout.html"),
                "Harbor keeps base's mail layout (Aurora has its own)");
    }

    @Test
    void everyThemeHasItsOwnStylesheetAndLogo() {
        for (String name : SHIPPED) {
            Theme theme = registry.theme(name);
            assertTrue(theme.text("css/theme.css").orElseThrow().contains("--m-primary"), name);
            assertTrue(theme.text("img/logo.svg").orElseThrow().startsWith("<svg"), name);
        }
        Set<String> logos = SHIPPED.stream().map(n -> registry.theme(n).text("img/logo.svg").orElseThrow())
                .collect(Collectors.toSet());
        assertEquals(SHIPPED.size(), logos.size(), "each theme draws its own logo");
        Set<String> hashes = SHIPPED.stream().map(n -> registry.theme(n).contentHash()).collect(Collectors.toSet());
        assertEquals(SHIPPED.size(), hashes.size());
    }

    @Test
    void childStylesheetsLoadAfterBase() {
        List<byte[]> sheets = registry.theme("harbor").stylesheets();

        assertEquals(2, sheets.size());
        assertTrue(new String(sheets.get(0), UTF_8).startsWith("/* Base theme"));
        assertTrue(new String(sheets.get(1), UTF_8).startsWith("/* Harbor"));
    }

    /** A budget, not a limit of the browser: 16 KB with the ticket pages, 20 KB once the server pages (facts, jobs, traffic graph) came. */
    @Test
    void stylesheetsAreSmall() {
        for (String name : SHIPPED) {
            int size = registry.theme(name).resource("css/theme.css").orElseThrow().length;
            assertTrue(size < 20 * 1024, name + " css is " + size + " bytes");
        }
    }

    @Test
    void stylesheetDefaultsMatchThemeProperties() {
        Pattern variable = Pattern.compile("(--m-[a-z-]+)\\s*:\\s*([^;]+);");
        for (String name : SHIPPED) {
            Theme theme = registry.theme(name);
            String css = theme.text("css/theme.css").orElseThrow();
            Matcher m = variable.matcher(css.substring(css.indexOf(":root"), css.indexOf('}', css.indexOf(":root"))));
            Map<String, String> declared = new HashMap<>();
            while (m.find()) {
                declared.put(m.group(1), m.group(2).strip());
            }
            Map<String, String> own = ownProperties(name);
            for (Map.Entry<String, String> entry : CSS_VARIABLES.entrySet()) {
                String value = own.get(entry.getKey());
                assertEquals(value, declared.get(entry.getValue()),
                        name + ": " + entry.getKey() + " and " + entry.getValue() + " must agree");
            }
        }
    }

    @Test
    void childrenRewordTheSignInTitle() {
        assertEquals("Welcome back to your cloud", registry.theme("aurora").message(Locale.ENGLISH, "login.title"));
        assertEquals("Welcome back to your cloud", registry.theme("aurora").message(Locale.UK, "login.title"));
        assertTrue(registry.theme("aurora").messageKeys(Locale.ENGLISH).contains("login.title"));
        assertEquals("Welcome aboard", registry.theme("harbor").message(Locale.ENGLISH, "login.title"));
        assertEquals("Staff sign-in", registry.theme("console").message(Locale.ENGLISH, "login.title"));
        assertEquals("С возвращением в ваше облако", registry.theme("aurora").message(Locale.forLanguageTag("ru"), "login.title"),
                "a child rewords in Russian too");
        assertEquals("Добро пожаловать на борт", registry.theme("harbor").message(Locale.forLanguageTag("ru"), "login.title"));
    }

    @Test
    void directoryThemeReplacesTheBuiltInOneOfTheSameName(@TempDir Path dir) {
        theme(dir, "aurora", "displayName=Local Aurora", "parent=base", "color.primary=#123456");
        theme(dir, "extra", "displayName=Extra", "parent=aurora");
        write(dir, "extra/css/theme.css", "/*extra*/");

        ThemeRegistry withDirectory = new ThemeRegistry(getClass().getClassLoader(), dir);
        Theme aurora = withDirectory.theme("aurora");

        assertEquals(new TreeSet<>(Set.of("base", "aurora", "harbor", "console", "extra")), withDirectory.names());
        assertEquals("Local Aurora", aurora.displayName());
        assertEquals("#123456", aurora.property("color.primary"));
        assertEquals("#f59e0b", aurora.property("color.accent"), "nothing of the built-in aurora remains");
        assertEquals(registry.theme("base").text("img/logo.svg"), aurora.text("img/logo.svg"));
        assertEquals(1, aurora.stylesheets().size(), "the built-in aurora stylesheet is gone too");
        assertEquals(registry.theme("base").text("messages_en.properties"), aurora.text("messages_en.properties"),
                "the built-in aurora wording is gone: its lookup falls through to base");
        assertEquals("Theme[extra -> aurora -> base]", withDirectory.theme("extra").toString());
        assertEquals("/*extra*/", new String(withDirectory.theme("extra").stylesheets().get(1), UTF_8));
    }

    @Test
    void indexListsExactlyTheThemeFolders() throws IOException {
        Path themes = themesModuleResources().resolve("themes");
        Set<String> folders;
        try (Stream<Path> list = Files.list(themes)) {
            folders = list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        Set<String> indexed = Files.readAllLines(themes.resolve("index.txt"), UTF_8).stream()
                .map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty())
                .collect(Collectors.toSet());

        assertEquals(folders, indexed, "themes/index.txt must name every theme folder and nothing else");
    }

    @Test
    void childrenHoldOnlyWhatTheyOverride() throws IOException {
        Path themes = themesModuleResources().resolve("themes");
        for (String child : List.of("aurora", "harbor", "console")) {
            try (Stream<Path> files = Files.walk(themes.resolve(child))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String relative = themes.resolve(child).relativize(file).toString().replace('\\', '/');
                    Path inBase = themes.resolve("base").resolve(relative);
                    if (Files.exists(inBase)) {
                        assertFalse(Files.mismatch(file, inBase) == -1, child + "/" + relative + " is a copy of base's");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"css", "img", "mail", "themes", ""})
    void insideAJarFoldersAreNotResources(String path, @TempDir Path dir) throws Exception {
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {themesJar(dir).toUri().toURL()}, null)) {
            Theme base = new ThemeRegistry(jarOnly, null).theme("base");

            assertEquals(Optional.empty(), base.resource(path));
        }
    }

    @Test
    void themesLoadFromAJarThatCannotBeListed(@TempDir Path dir) throws Exception {
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {themesJar(dir).toUri().toURL()}, null)) {
            ThemeRegistry fromJar = new ThemeRegistry(jarOnly, null);

            assertEquals(registry.names(), fromJar.names());
            for (String name : SHIPPED) {
                Theme jarTheme = fromJar.theme(name);
                Theme classPathTheme = registry.theme(name);
                assertEquals(classPathTheme.properties(), jarTheme.properties(), name);
                assertEquals(classPathTheme.contentHash(), jarTheme.contentHash(), name);
                assertEquals(classPathTheme.text("mail/invitation.html"), jarTheme.text("mail/invitation.html"));
            }
            assertEquals("Welcome back to your cloud", fromJar.theme("aurora").message(Locale.ENGLISH, "login.title"));
        }
    }

    /** Packs the themes module's resources into a jar, as the build does. */
    private static Path themesJar(Path dir) throws IOException {
        Path resources = themesModuleResources();
        Path jar = dir.resolve("themes.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(resources)) {
            for (Path file : files.sorted().toList()) {
                if (file.equals(resources)) {
                    continue;
                }
                String name = resources.relativize(file).toString().replace('\\', '/');
                if (Files.isDirectory(file)) {
                    zip.putNextEntry(new JarEntry(name + "/"));
                } else {
                    zip.putNextEntry(new JarEntry(name));
                    Files.copy(file, zip);
                }
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static Map<String, String> ownProperties(String name) {
        try (var in = BuiltInThemesTest.class.getClassLoader()
                .getResourceAsStream("themes/" + name + "/theme.properties")) {
            return ThemeSource.parseProperties(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
