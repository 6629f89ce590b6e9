package io.marque.portal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.platform.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tags as an agent types them: words split on spaces and commas, lower-cased, each once, a few at most. */
class TagsTest {

    private static List<String> parse(String text) {
        return List.copyOf(Tags.parse(text));
    }

    private static void assertRefused(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Tags.parse(text), text);
        assertEquals(Map.of("tags", "error.tags.invalid"), e.problems());
    }

    // --- splitting ------------------------------------------------------------------------------

    @Test
    void spacesAndCommasSeparate() {
        assertEquals(List.of("billing", "dns", "vps"), parse("billing dns,vps"));
        assertEquals(List.of("billing", "dns", "vps"), parse("  billing ,  dns,,, vps  ,"));
        assertEquals(List.of("billing", "dns", "vps"), parse("billing\tdns\nvps\r\n"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", ",", " , ,, ", "\t\n"})
    void nothingTypedIsNoTags(String text) {
        assertTrue(Tags.parse(text).isEmpty());
    }

    // --- normalising ----------------------------------------------------------------------------

    @Test
    void tagsAreLowerCased() {
        assertEquals(List.of("billing", "dns"), parse("Billing DNS"));
        assertEquals("billing", Tags.normalise("  BiLLing "));
    }

    @Test
    void duplicatesAreDroppedKeepingTheFirstPosition() {
        assertEquals(List.of("dns", "billing"), parse("dns Billing DNS, dns billing Dns"));
    }

    @Test
    void lowerCasingDoesNotDependOnTheServerLocale() {
        // in a Turkish locale "I" would become a dotless "ı"
        assertEquals(List.of("invoice"), parse("INVOICE"));
    }

    @Test
    void lettersOfEveryScriptDigitsUnderscoreAndHyphenAreAllowed() {
        assertEquals(List.of("ärger", "café", "日本", "ошибка", "ελλάδα", "ไทย"), parse("Ärger CAFÉ 日本 ОШИБКА ΕΛΛΆΔΑ ไทย"));
        assertEquals(List.of("ipv6", "2fa", "high_load", "re-open", "-", "_"), parse("IPv6 2FA high_load re-open - _"));
    }

    @Test
    void wordsWithCombiningMarksAreAllowed() {
        assertEquals(List.of("हिंदी"), parse("हिंदी"));
        assertEquals(List.of("caf\u00e9"), parse("CAFE\u0301"), "decomposed input is composed (NFC): one tag for both spellings");
        assertEquals(1, Tags.parse("İade").size());
    }

    // --- refusals -------------------------------------------------------------------------------

    @Test
    void thirtyTwoCharactersIsTheLongestTag() {
        String longest = "a".repeat(32);
        assertEquals(List.of(longest), parse(longest));
        assertRefused("a".repeat(33));
        assertRefused("ok " + "b".repeat(33));
    }

    @Test
    void theLengthCountsCharactersNotBytes() {
        String longest = "ä".repeat(32);
        assertEquals(List.of(longest), parse(longest));
        assertRefused("ä".repeat(33));
    }

    @Test
    void tenTagsIsTheMost() {
        assertEquals(10, Tags.MAX_TAGS);
        String ten = IntStream.rangeClosed(1, 10).mapToObj(i -> "t" + i).collect(Collectors.joining(" "));
        assertEquals(10, Tags.parse(ten).size());
        assertRefused(ten + " t11");
    }

    @Test
    void duplicatesDoNotCountTowardsTheLimit() {
        String ten = IntStream.rangeClosed(1, 10).mapToObj(i -> "t" + i).collect(Collectors.joining(" "));
        assertEquals(10, Tags.parse(ten + " T1 t2 T10").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>", "<script>alert(1)</script>", "a<b", "dns;", "a.b", "a/b", "#urgent", "50%",
        "it's", "\"quoted\"", "a&b", "a\u0000b", "emoji😀", "x+y", "a\u202eb", "%", "a'--"})
    void tagsWithOtherCharactersAreRefused(String text) {
        assertRefused(text);
        assertRefused("billing " + text + " dns");
    }

    // --- formatting -----------------------------------------------------------------------------

    @Test
    void formatJoinsWithSingleSpaces() {
        assertEquals("billing dns vps", Tags.format(new LinkedHashSet<>(List.of("billing", "dns", "vps"))));
        assertEquals("", Tags.format(Set.of()));
    }

    @Test
    void parsingTheFormattedTagsGivesThemBack() {
        Set<String> tags = Tags.parse("Ärger, dns  2FA high_load");
        assertEquals(tags, Tags.parse(Tags.format(tags)));
        assertEquals(List.copyOf(tags), List.copyOf(Tags.parse(Tags.format(tags))));
    }

    @Test
    void theTicketStoresParsedTagsWithASpaceAtEachEnd() {
        Ticket ticket = new Ticket(1L, 1L, 1L, 1L, "s", Priority.LOW, "t", java.time.Instant.EPOCH);
        ticket.setTagSet(Tags.parse("DNS billing"));
        assertEquals(List.of("dns", "billing"), List.copyOf(ticket.tagSet()));
        ticket.setTagSet(Tags.parse(""));
        assertTrue(ticket.tagSet().isEmpty());
    }
}
