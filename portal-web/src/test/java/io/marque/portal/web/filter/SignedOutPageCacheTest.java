package io.marque.portal.web.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A kept page is cut where its first request's nonce stood, so each later copy gets its own. */
class SignedOutPageCacheTest {

    private static List<String> cut(String body, String nonce) {
        return SignedOutPageCache.cut(body.getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.US_ASCII))
                .stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void everyOccurrenceOfTheNonceIsACut() {
        assertEquals(List.of("<script nonce=\"", "\">a</script><script nonce=\"", "\">b</script>"),
                cut("<script nonce=\"N0n+/ce==\">a</script><script nonce=\"N0n+/ce==\">b</script>", "N0n+/ce=="));
    }

    @Test
    void aPageWithoutScriptsIsOnePiece() {
        assertEquals(List.of("<p>Привет</p>"), cut("<p>Привет</p>", "N0nce"));
        assertEquals(List.of(""), cut("", "N0nce"));
    }

    @Test
    void theNonceAtEitherEndLeavesEmptyPieces() {
        assertEquals(List.of("", "x", ""), cut("NNxNN", "NN"));
    }
}
