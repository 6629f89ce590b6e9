package io.marque.portal.ticket;

import io.marque.portal.platform.SecretBox;

/**
 * The name the provider knows a customer by when the reseller did not share who it is (law 3): six
 * characters derived from the tenant and customer ids with the installation's secret, so the same
 * customer has the same pseudonym on every escalation, and nobody can work back to the customer from it.
 */
public final class Pseudonym {

    /** Crockford's Base32: no I, L, O or U, so a pseudonym read aloud is not misheard. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    static final int LENGTH = 6;

    private Pseudonym() {
    }

    public static String of(SecretBox secrets, long tenantId, long customerId) {
        byte[] mac = secrets.mac("customer-pseudonym", tenantId + ":" + customerId);
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[(mac[i] & 0xff) % ALPHABET.length];
        }
        return new String(code);
    }
}
