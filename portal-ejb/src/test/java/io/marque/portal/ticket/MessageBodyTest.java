package io.marque.portal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.marque.portal.platform.InvalidInputException;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A message is stored as plain text: one kind of line end, no invisible control or direction characters,
 * and markup kept as typed (it is escaped where it is shown, never here).
 */
class MessageBodyTest {

    // --- line ends ------------------------------------------------------------------------------

    @Test
    void windowsAndOldMacLineEndsBecomeNewlines() {
        assertEquals("one\ntwo\nthree\nfour", MessageBody.clean("body", "one\r\ntwo\rthree\nfour"));
    }

    @Test
    void aCarriageReturnBeforeACrLfIsTwoLineEnds() {
        assertEquals("a\n\nb", MessageBody.clean("body", "a\r\r\nb"));
        assertEquals("a\n\nb", MessageBody.clean("body", "a\r\n\r\nb"));
        assertEquals("a\n\nb", MessageBody.clean("body", "a\n\rb"));
    }

    @Test
    void innerWhitespaceStaysAndTheEndsAreTrimmed() {
        assertEquals("Dear support,\n\n\tthe server\n  is down.",
                MessageBody.clean("body", " \r\n Dear support,\r\n\r\n\tthe server\r\n  is down. \t\r\n"));
    }

    // --- removed characters ---------------------------------------------------------------------

    static Stream<Integer> controlCharacters() {
        return Stream.of(
                IntStream.rangeClosed(0x00, 0x1f).filter(c -> c != '\t' && c != '\n' && c != '\r').boxed(),
                Stream.of(0x7f),
                IntStream.rangeClosed(0x80, 0x9f).boxed())
            .flatMap(s -> s);
    }

    @ParameterizedTest(name = "U+{0}")
    @MethodSource("controlCharacters")
    void controlCharactersAreRemoved(int c) {
        assertEquals("ab", MessageBody.clean("body", "a" + Character.toString(c) + "b"));
    }

    @Test
    void thereAreSixtyFiveControlCharactersLessTabNewlineAndCarriageReturn() {
        assertEquals(32 - 3 + 1 + 32, controlCharacters().count());
    }

    @Test
    void tabAndNewlineAreKept() {
        assertEquals("a\tb\nc", MessageBody.clean("body", "a\tb\nc"));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff})
    void directionOverridesAndTheByteOrderMarkAreRemoved(int c) {
        assertEquals("ab", MessageBody.clean("body", "a" + Character.toString(c) + "b"));
        assertEquals("ab", MessageBody.clean("body", Character.toString(c) + "ab" + Character.toString(c)));
    }

    @Test
    void aFileNameDisguisedWithARightToLeftOverrideReadsAsItIs() {
        // "invoice<RLO>fdp.exe" displays as "invoiceexe.pdf"
        assertEquals("invoicefdp.exe", MessageBody.clean("body", "invoice\u202Efdp.exe"));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x20, 0xa0, 0xe9, 0x05d0, 0x0627, 0x200d, 0x2028, 0x2029, 0x202f, 0x2065, 0x206a, 0xfefe, 0xff01})
    void neighbouringAndOrdinaryCharactersAreKept(int c) {
        String text = "a" + Character.toString(c) + "b";
        assertEquals(text, MessageBody.clean("body", text));
    }

    // --- markup and unicode stay as typed -------------------------------------------------------

    @Test
    void markupIsKeptVerbatimForEscapingOnOutput() {
        String text = "<script>alert('x')</script> & <b>bold</b> &amp; \"quoted\" {{agent.name}}";
        assertEquals(text, MessageBody.clean("body", text));
    }

    @Test
    void emojiAndOtherSurrogatePairsAreKept() {
        String text = "Thanks 👍🏽 — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 works, 👩‍💻 too, and 日本語 / עברית / العربية";
        assertEquals(text, MessageBody.clean("body", text));
    }

    @Test
    void removingACharacterNeverSplitsASurrogatePair() {
        assertEquals("😀😀", MessageBody.clean("body", "😀\u0000\u202E😀"));
    }

    // --- nothing left ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\t", "\r\n\r\n", "\r", "  \n \t ", "\u0000\u0007", "\u202e\ufeff", "\u2066 \u2069",
            "\u00a0\u00a0", "\u200b", " \u2003\u200d "})
    void blankTextIsRequired(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MessageBody.clean("body", text));
        assertEquals(Map.of("body", "error.required"), e.problems());
    }

    @Test
    void noTextIsRequired() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MessageBody.clean("reason", null));
        assertEquals(Map.of("reason", "error.required"), e.problems());
    }

    // --- length ---------------------------------------------------------------------------------

    @Test
    void theLimitIsTwentyThousand() {
        assertEquals(20_000, MessageBody.MAX_LENGTH);
    }

    @Test
    void exactlyTheLimitIsAccepted() {
        String text = "x".repeat(20_000);
        assertEquals(text, MessageBody.clean("body", text));
    }

    @Test
    void oneOverTheLimitIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MessageBody.clean("body", "x".repeat(20_001)));
        assertEquals(Map.of("body", "error.message.tooLong"), e.problems());
    }

    @Test
    void theLengthIsCountedAfterCleaning() {
        // 30,000 characters typed with CRLF are 20,000 stored ones
        String typed = "x\r\n".repeat(10_000);
        assertEquals(30_000, typed.length());
        assertEquals(19_999, MessageBody.clean("body", typed).length());
        // surrounding white space and removed characters do not count either
        String padded = "  " + "y".repeat(20_000) + "\u202e\u0000  \n";
        assertEquals(20_000, MessageBody.clean("body", padded).length());
    }
}
