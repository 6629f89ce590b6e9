package io.marque.portal.tenant.theme;

import static io.marque.portal.tenant.theme.ThemeFixtures.themesModuleResources;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Themes are shown to end customers, so no file of the themes module may name the provider, the
 * product or the software underneath (DESIGN.md, law 2: brand containment).
 */
class ThemeBrandContainmentTest {

    private static final List<String> FORBIDDEN = List.of("northwind", "wildfly", "primefaces", "marque");

    @Test
    void noThemeFileNamesTheProviderOrTheStack() throws IOException {
        Path resources = themesModuleResources();
        List<String> findings = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path file : files.toList()) {
                String relative = resources.relativize(file).toString();
                check(relative, relative, findings);
                if (Files.isRegularFile(file)) {
                    // byte-for-byte, so the check also covers binary or oddly encoded files
                    check(relative, new String(Files.readAllBytes(file), ISO_8859_1), findings);
                    scanned++;
                }
            }
        }

        assertTrue(scanned > 20, "expected the whole themes tree, scanned " + scanned + " files in " + resources);
        assertEquals(List.of(), findings);
    }

    private static void check(String file, String content, List<String> findings) {
        String lower = content.toLowerCase(Locale.ROOT);
        for (String word : FORBIDDEN) {
            if (lower.contains(word)) {
                findings.add(file + " contains \"" + word + "\"");
            }
        }
    }
}
