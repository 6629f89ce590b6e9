package io.marque.portal.api;

import java.time.Instant;
import java.util.Set;

/** A key as its reseller's admins see it: never the secret, which is shown once when the key is made. */
public record ApiKeyView(long id, String name, String prefix, Set<ApiScope> scopes, String allowedAddresses, Instant expiresAt,
        Instant createdAt, String createdBy, Instant lastUsedAt, long requestCount, Instant revokedAt) {

    /** The stored record with the uses this node counted and has not written yet. */
    static ApiKeyView of(ApiKey key, long unwritten, Instant lastUse) {
        Instant last = lastUse != null && (key.getLastUsedAt() == null || lastUse.isAfter(key.getLastUsedAt())) ? lastUse
                : key.getLastUsedAt();
        return new ApiKeyView(key.getId(), key.getName(), key.getPrefix(), key.scopes(), key.getAllowedAddresses(),
                key.getExpiresAt(), key.getCreatedAt(), key.getCreatedBy(), last, key.getRequestCount() + unwritten,
                key.getRevokedAt());
    }

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
