package io.marque.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages' content security policy allows no inline code but the nonced scripts our render kit writes
 * (see {@code web.filter.SecurityHeaders}). Markup typed into a view gets no nonce, so a view must not
 * carry an inline {@code <script>}, an event attribute, a {@code javascript:} URL or a {@code style}
 * attribute: the browser would refuse it. Scripts are files beside the views.
 */
class ViewsRunNoInlineCodeTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    /** {@code onclick="…"}, {@code a:onchange="…"}; Faces' own {@code onPostback} is no event. */
    private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("[\\s:](on(?!postback\\b)[a-z]+)\\s*=\\s*[\"']",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("\\sstyle\\s*=\\s*[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_URL = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);

    private static List<Path> views() {
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            return files.filter(p -> p.toString().endsWith(".xhtml") || p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> offences(String text, String file) {
        List<String> found = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE_SCRIPT, EVENT_ATTRIBUTE, STYLE_ATTRIBUTE, SCRIPT_URL)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                found.add(file + ": " + m.group().strip());
            }
        }
        return found;
    }

    @Test
    void noViewCarriesInlineCode() throws IOException {
        List<Path> views = views();
        assertTrue(views.size() > 50, "the views were found: " + views.size());
        List<String> found = new ArrayList<>();
        for (Path view : views) {
            found.addAll(offences(Files.readString(view), WEBAPP.relativize(view).toString()));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theCheckSeesEachKind() {
        assertEquals(1, offences("<script>alert(1)</script>", "x").size());
        assertEquals(1, offences("<script type=\"text/javascript\">x()</script>", "x").size());
        assertEquals(0, offences("<script src=\"/copy-button.js\"></script>", "x").size());
        assertEquals(1, offences("<button onclick=\"x()\">", "x").size());
        assertEquals(1, offences("<h:inputText a:onChange='x()'/>", "x").size());
        assertEquals(0, offences("<f:viewAction action=\"#{b.a}\" onPostback=\"true\"/>", "x").size());
        assertEquals(1, offences("<div style=\"color: red\">", "x").size());
        assertEquals(0, offences("<h:form styleClass=\"m-form\">", "x").size());
        assertEquals(1, offences("<a href=\"JavaScript:x()\">", "x").size());
    }
}
