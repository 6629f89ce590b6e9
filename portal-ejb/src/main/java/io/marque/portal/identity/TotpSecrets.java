package io.marque.portal.identity;

import io.marque.portal.platform.SecretBox;

/**
 * How an authenticator secret is kept: encrypted with the installation's key, like every secret that
 * must be read back, so a copy of the database alone does not let anyone make a user's codes. Secrets
 * stored before they were encrypted (plain Base32) are still read, and {@link #isSealed} tells the
 * caller to store them again encrypted.
 */
final class TotpSecrets {

    private TotpSecrets() {
    }

    static String seal(SecretBox box, String secret) {
        return box.encrypt(secret);
    }

    /** The Base32 secret, or null when none is stored. */
    static String open(SecretBox box, String stored) {
        if (stored == null) {
            return null;
        }
        return isSealed(stored) ? box.decrypt(stored) : stored;
    }

    static boolean isSealed(String stored) {
        return stored != null && stored.startsWith("v1:");
    }
}
