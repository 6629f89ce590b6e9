package io.marque.portal.api;

import java.time.Instant;
import java.util.Set;

/** A key as its reseller's admins see it: never the secret, which is shown once when the key is made. */
public record ApiKeyView(long id, String name, String prefix, Set<ApiScope> scopes, String allowedAddresses, Instant expiresAt,
        Instant createdAt, String createdBy, Instant lastUsedAt, long requestCount, Instant revokedAt) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.getId(), key.getName(), key.getPrefix(), key.scopes(), key.getAllowedAddresses(),
                key.getExpiresAt(), key.getCreatedAt(), key.getCreatedBy(), key.getLastUsedAt(), key.getRequestCount(),
                key.getRevokedAt());
    }

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
