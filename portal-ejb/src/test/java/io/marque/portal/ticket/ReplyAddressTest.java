package io.marque.portal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Reply-To of a ticket's mails carries the ticket's token as a sub-address of the reseller's support
 * address, and only such an address gives a token back.
 */
class ReplyAddressTest {

    private static final String SUPPORT = "support@acme.example";
    private static final String TOKEN = "k3j9x2m4p5q6r7s8t9u0v1w2";

    @Test
    void theTokenIsASubAddressOfTheSupportAddress() {
        assertEquals("support+" + TOKEN + "@acme.example", ReplyAddress.of(SUPPORT, TOKEN));
    }

    @Test
    void theTokenComesBackFromTheReplyAddress() {
        assertEquals(Optional.of(TOKEN), ReplyAddress.tokenIn(ReplyAddress.of(SUPPORT, TOKEN), SUPPORT));
    }

    @Test
    void aSupportAddressWithASubAddressOfItsOwnRoundTrips() {
        String support = "help+acme@mail.acme.example";
        String reply = ReplyAddress.of(support, TOKEN);
        assertEquals("help+acme+" + TOKEN + "@mail.acme.example", reply);
        assertEquals(Optional.of(TOKEN), ReplyAddress.tokenIn(reply, support));
    }

    @Test
    void onlyTheLastAtSignSplitsTheSupportAddress() {
        String support = "\"team@desk\"@acme.example";
        assertEquals("\"team@desk\"+" + TOKEN + "@acme.example", ReplyAddress.of(support, TOKEN));
        assertEquals(Optional.of(TOKEN), ReplyAddress.tokenIn(ReplyAddress.of(support, TOKEN), support));
    }

    @Test
    void caseDoesNotMatterAndTheTokenComesBackLowerCase() {
        assertEquals(Optional.of(TOKEN),
                ReplyAddress.tokenIn("SUPPORT+" + TOKEN.toUpperCase() + "@ACME.Example", SUPPORT));
        assertEquals(Optional.of(TOKEN), ReplyAddress.tokenIn("support+" + TOKEN + "@acme.example", "Support@ACME.example"));
    }

    @Test
    void tokensOfSixteenToFortyLettersAndDigitsAreAccepted() {
        for (String token : new String[] {"a".repeat(16), "0".repeat(40), "abc123".repeat(5)}) {
            assertEquals(Optional.of(token), ReplyAddress.tokenIn(ReplyAddress.of(SUPPORT, token), SUPPORT), token);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // another domain, including look-alikes around the right one
        "support+k3j9x2m4p5q6r7s8t9u0v1w2@other.example",
        "support+k3j9x2m4p5q6r7s8t9u0v1w2@evil-acme.example",
        "support+k3j9x2m4p5q6r7s8t9u0v1w2@mail.acme.example",
        "support+k3j9x2m4p5q6r7s8t9u0v1w2@acme.example.evil.example",
        "support+k3j9x2m4p5q6r7s8t9u0v1w2@acme.exampl",
        // another local part
        "sales+k3j9x2m4p5q6r7s8t9u0v1w2@acme.example",
        "xsupport+k3j9x2m4p5q6r7s8t9u0v1w2@acme.example",
        "suppor+k3j9x2m4p5q6r7s8t9u0v1w2@acme.example",
        "supportk3j9x2m4p5q6r7s8t9u0v1w2@acme.example",
        "support-k3j9x2m4p5q6r7s8t9u0v1w2@acme.example",
        // no token, or not a token
        "support@acme.example",
        "support+@acme.example",
        "support+k3j9x2m4p5q6r7s@acme.example",
        "support+k3j9x2m4p5q6r7s8t9u0v1w2k3j9x2m4p5q6r7s8t@acme.example",
        "support+k3j9x2m4-p5q6r7s8t9u0v1w2@acme.example",
        "support+k3j9x2m4.p5q6r7s8t9u0v1w2@acme.example",
        "support+k3j9x2m4p5q6r7s8+t9u0v1w2@acme.example",
        "support+k3j9x2m4p5q6r7s8t9u0v1w2@x@acme.example",
        "support+k3j9x2m4p5q6r7s8 t9u0v1w2@acme.example",
        "support+k3j9x2m4p5q6r7s8t9u0v1w_@acme.example",
        "support+k3j9x2m4p5q6r7s8t9u0v1wé@acme.example",
        "support+k3j9x2m4p5q6r7s8t9u0v1w2@acme.example ",
        " support+k3j9x2m4p5q6r7s8t9u0v1w2@acme.example",
        "",
        "@acme.example",
        "support+"})
    void anythingElseHasNoToken(String address) {
        assertEquals(Optional.empty(), ReplyAddress.tokenIn(address, SUPPORT));
    }

    @Test
    void aFifteenOrFortyOneCharacterTokenIsRefused() {
        assertEquals(Optional.empty(), ReplyAddress.tokenIn(ReplyAddress.of(SUPPORT, "a".repeat(15)), SUPPORT));
        assertEquals(Optional.empty(), ReplyAddress.tokenIn(ReplyAddress.of(SUPPORT, "a".repeat(41)), SUPPORT));
    }
}
