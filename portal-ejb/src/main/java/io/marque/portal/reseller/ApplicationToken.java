package io.marque.portal.reseller;

import io.marque.portal.platform.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret in an applicant's private link, made and kept as password reset links are: 256 random
 * bits, URL-safe, of which only the SHA-256 is stored, so a reader of the database cannot follow a link.
 */
final class ApplicationToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApplicationToken() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a token; {@code null} for text that cannot be one. */
    static String digest(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return null;
        }
        return Sha256.hex(token);
    }
}
