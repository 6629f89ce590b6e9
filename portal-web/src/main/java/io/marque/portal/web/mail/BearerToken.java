package io.marque.portal.web.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Checks an {@code Authorization: Bearer <token>} header against the configured token. The two are
 * compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken says nothing about
 * how much of a guess was right, nor how long the real token is.
 */
public final class BearerToken {

    private static final String SCHEME = "bearer ";

    private BearerToken() {
    }

    /**
     * @param header   the request's {@code Authorization} header, or null
     * @param expected the configured token; a blank one matches nothing
     */
    public static boolean matches(String header, String expected) {
        if (header == null || expected == null || expected.isBlank()) {
            return false;
        }
        String value = header.strip();
        if (value.length() <= SCHEME.length()
                || !value.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return false;
        }
        String presented = value.substring(SCHEME.length()).strip();
        return MessageDigest.isEqual(digest(presented), digest(expected.strip()));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
