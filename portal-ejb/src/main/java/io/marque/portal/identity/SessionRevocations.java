package io.marque.portal.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each user's sessions were revoked ({@link SessionsRevoked}, taken in once the change
 * committed). A session signed in before that moment is ended on its next request by the web tier's
 * session guard. Entries older than any session can be are forgotten. Per node: a cluster shares
 * them through its cache (issue 9).
 */
@ApplicationScoped
public class SessionRevocations {

    /** Longer than a session lives (60 minutes of idle time): older revocations can match no session. */
    static final Duration KEEP = Duration.ofHours(24);

    private final Map<Long, Instant> revokedAt = new ConcurrentHashMap<>();

    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsRevoked revoked) {
        Instant now = Instant.now();
        revokedAt.put(revoked.userId(), now);
        revokedAt.values().removeIf(at -> at.isBefore(now.minus(KEEP)));
    }

    /** Whether a session of this user signed in at {@code signedInAt} (null: unknown) must end. */
    public boolean isRevoked(long userId, Instant signedInAt) {
        Instant at = revokedAt.get(userId);
        return at != null && (signedInAt == null || !signedInAt.isAfter(at));
    }
}
