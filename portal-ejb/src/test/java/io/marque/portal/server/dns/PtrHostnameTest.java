package io.marque.portal.server.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.server.dns.PtrHostname.Problem;
import io.marque.portal.server.dns.PtrHostname.Refused;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a customer may type as the PTR of its address, and what is stored for it. */
class PtrHostnameTest {

    private static Problem refusal(String input) {
        return assertThrows(Refused.class, () -> PtrHostname.of(input), input).problem();
    }

    @Test
    void plainNamesAreTrimmedLowerCasedAndLoseOneFinalDot() {
        assertEquals("server1.example.com", PtrHostname.of("server1.example.com"));
        assertEquals("server1.example.com", PtrHostname.of("  Server1.EXAMPLE.com.  "));
        assertEquals("a.b", PtrHostname.of("a.b"));
        assertEquals("mail-01.eu-west.example.net", PtrHostname.of("mail-01.eu-west.example.net"));
        assertEquals("1.2.3.example.com", PtrHostname.of("1.2.3.example.com"));
        assertEquals("4.2.0.192.static.example.com", PtrHostname.of("4.2.0.192.static.example.com"));
        assertEquals("host.x1", PtrHostname.of("host.x1"), "a last label with a letter is not numeric");
    }

    @Test
    void blankIsNoNameForOptionalAndRequiredForOf() {
        assertEquals(Optional.empty(), PtrHostname.optional(null));
        assertEquals(Optional.empty(), PtrHostname.optional(""));
        assertEquals(Optional.empty(), PtrHostname.optional(" \t "));
        assertEquals(Optional.of("a.example"), PtrHostname.optional("a.example."));
        assertEquals(Problem.REQUIRED, refusal(null));
        assertEquals(Problem.REQUIRED, refusal("   "));
    }

    @Test
    void internationalNamesBecomePunycode() {
        assertEquals("xn--bcher-kva.example", PtrHostname.of("bücher.example"));
        assertEquals("xn--bcher-kva.example", PtrHostname.of("BÜCHER.example."));
        assertEquals("xn--d1acufc.xn--p1ai", PtrHostname.of("домен.рф"));
        assertEquals("xn--bcher-kva.example", PtrHostname.of("xn--bcher-kva.example"), "A-labels typed as such");
        // an ideographic full stop separates labels like a dot, and full-width letters fold to ASCII
        assertEquals("a.example.com", PtrHostname.of("a\u3002example\uff0ecom"));
        assertEquals("example.com", PtrHostname.of("\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>.com", "<script>", "a..b", ".a.com", "a.com..", "-a.com",
            "a-.com", "host.-example.com", "host.example-.com", "under_score.example.com", "_dmarc.example.com",
            "a b.example.com", "a\tb.example.com", "host.example.com\n.evil", "host.example.com;rm -rf /",
            "host\u0000.example.com", "\"host\".example.com", "host.example.com/x", "host@example.com",
            "http://host.example.com", "*.example.com", "host.example.com:25", "xn--zz-.example",
            "xn--.example", "<ü>.com", "ü..com", "café\u202e.com", "."})
    void anythingButLettersDigitsAndHyphensIsInvalid(String input) {
        assertEquals(Problem.INVALID, refusal(input));
        assertFalse(PtrHostname.isValid(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example", "1.2.3.4", "192.0.2.4.", "10.0.0.1", "host.123", "ü"})
    void singleLabelsAndAddressesAreNotQualified(String input) {
        assertEquals(Problem.NOT_QUALIFIED, refusal(input));
    }

    @Test
    void labelsUpToSixtyThreeAndNamesUpTo253CharactersPass() {
        String label63 = "a".repeat(63);
        assertEquals(label63 + ".com", PtrHostname.of(label63 + ".com"));
        String name253 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
        assertEquals(253, name253.length());
        assertEquals(name253, PtrHostname.of(name253 + "."));
    }

    @Test
    void longerLabelsAndNamesAreTooLong() {
        assertEquals(Problem.TOO_LONG, refusal("a".repeat(64) + ".com"));
        String name254 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(62));
        assertEquals(Problem.TOO_LONG, refusal(name254));
        assertEquals(Problem.TOO_LONG, refusal("a".repeat(300)));
        assertEquals(Problem.TOO_LONG, refusal("ab.".repeat(100) + "com"));
        assertEquals(Problem.TOO_LONG, refusal("x".repeat(100_000)), "huge input is refused at once");
    }

    @Test
    void anInternationalLabelTooLongForPunycodeIsRefused() {
        assertTrue(PtrHostname.isValid("ü".repeat(20) + ".example"));
        assertFalse(PtrHostname.isValid("ü".repeat(60) + ".example"));
    }

    @Test
    void theRefusalCarriesItsMessageKey() {
        Refused refused = assertThrows(Refused.class, () -> PtrHostname.of("a..b"));
        assertEquals("server.rdns.invalid", refused.getMessage());
        assertEquals("server.rdns.invalid", refused.problem().messageKey());
        assertEquals("server.rdns.too-long", Problem.TOO_LONG.messageKey());
    }

    @Test
    void everyProblemIsWordedInBothLanguages() throws IOException {
        // the tests run in portal-ejb; the bundles live in the sibling themes module
        Path base = Path.of("../themes/src/main/resources/themes/base");
        for (String language : new String[] {"en", "ru"}) {
            Properties wording = new Properties();
            try (Reader in = Files.newBufferedReader(base.resolve("messages_" + language + ".properties"),
                    StandardCharsets.UTF_8)) {
                wording.load(in);
            }
            for (Problem problem : Problem.values()) {
                assertTrue(wording.getProperty(problem.messageKey(), "").length() > 5,
                        problem.messageKey() + " is worded in " + language);
            }
        }
    }
}
