package io.marque.portal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filling mail and PDF templates: wording first, then values, and user text never becomes markup. */
class TemplateTextTest {

    private static final Map<String, String> WORDING = Map.of(
            "mail.greeting", "Hello ${recipientName},",
            "mail.bold", "<b>${brandName}</b>");

    @Test
    void messagesMayHoldValues() {
        assertEquals("<p>Hello Ann,</p>", TemplateText.render("<p>#{mail.greeting}</p>", Map.of("recipientName", "Ann"),
                Set.of(), WORDING::get, true));
    }

    @Test
    void valuesAreEscapedInHtmlButNotInText() {
        Map<String, String> values = Map.of("recipientName", "<script>alert(1)</script> & \"x\"");
        assertEquals("Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;,",
                TemplateText.render("#{mail.greeting}", values, Set.of(), WORDING::get, true));
        assertEquals("Hello <script>alert(1)</script> & \"x\",",
                TemplateText.render("#{mail.greeting}", values, Set.of(), WORDING::get, false));
    }

    @Test
    void rawValuesAreInsertedAsTheyAre() {
        assertEquals("<div><p>body</p></div>",
                TemplateText.render("<div>${content}</div>", Map.of("content", "<p>body</p>"), Set.of("content"), k -> null, true));
    }

    @Test
    void userTextIsNeverExpandedAgain() {
        Map<String, String> values = Map.of("recipientName", "${brandName} #{mail.bold}", "brandName", "Acme");
        assertEquals("Hello ${brandName} #{mail.bold},",
                TemplateText.render("#{mail.greeting}", values, Set.of(), WORDING::get, false));
    }

    @Test
    void aMissingMessageShowsItsKeyAndAMissingValueIsEmpty() {
        assertEquals("mail.unknown []", TemplateText.render("#{mail.unknown} [${nothing}]", Map.of(), Set.of(), k -> null, false));
    }

    @Test
    void wordingIsTrustedMarkup() {
        assertEquals("<b>Acme &amp; Co</b>",
                TemplateText.render("#{mail.bold}", Map.of("brandName", "Acme & Co"), Set.of(), WORDING::get, true));
    }
}
