package io.marque.portal.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which sessions a revocation ends: those of that user signed in before it, and no others. */
class SessionRevocationsTest {

    private final SessionRevocations revocations = new SessionRevocations();

    @Test
    void aSessionSignedInBeforeTheRevocationEndsAndALaterOneLives() throws Exception {
        Instant before = Instant.now();
        Thread.sleep(2);
        revocations.onRevoked(new SessionsRevoked(7));
        Thread.sleep(2);
        Instant after = Instant.now();

        assertTrue(revocations.isRevoked(7, before), "signed in with the old password, or before being disabled");
        assertFalse(revocations.isRevoked(7, after), "signed in again afterwards");
        assertTrue(revocations.isRevoked(7, null), "a session that does not say when it signed in ends too");
        assertFalse(revocations.isRevoked(8, before), "other users' sessions are untouched");
    }

    @Test
    void nothingIsRevokedUntilAskedTo() {
        assertFalse(revocations.isRevoked(7, null));
        assertFalse(revocations.isRevoked(7, Instant.EPOCH));
    }
}
