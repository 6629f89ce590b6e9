package io.marque.portal.web.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    private static final String TOKEN = "s3cr3t-Token_with.dots";

    @Test
    void theRightTokenPasses() {
        assertTrue(BearerToken.matches("Bearer " + TOKEN, TOKEN));
        assertTrue(BearerToken.matches("bearer " + TOKEN, TOKEN), "the scheme is case-insensitive");
        assertTrue(BearerToken.matches("  BEARER   " + TOKEN + "  ", TOKEN));
        assertTrue(BearerToken.matches("Bearer " + TOKEN, " " + TOKEN + "\n"), "a configured value is trimmed");
    }

    @Test
    void anythingElseFails() {
        for (String header : new String[] {null, "", "Bearer", "Bearer ", "Bearer  ", TOKEN, "Basic " + TOKEN,
                "Bearer" + TOKEN, "Bearer " + TOKEN + "x", "Bearer " + TOKEN.substring(1), "Bearer " + TOKEN.toUpperCase(),
                "Token " + TOKEN, "Bearer " + TOKEN + " " + TOKEN}) {
            assertFalse(BearerToken.matches(header, TOKEN), String.valueOf(header));
        }
    }

    @Test
    void noConfiguredTokenMatchesNothing() {
        assertFalse(BearerToken.matches("Bearer ", ""));
        assertFalse(BearerToken.matches("Bearer x", null));
        assertFalse(BearerToken.matches("Bearer  ", "  "));
    }
}
