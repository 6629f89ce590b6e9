package io.marque.portal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.platform.SecretBox;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The name the provider knows an unshared customer by (law 3): the same on every escalation, different
 * for different customers, tenants and installations, easy to read aloud, and practically never shared.
 */
class PseudonymTest {

    /** Crockford's Base32, written out: digits and upper-case letters without I, L, O and U. */
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern SHAPE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{6}");

    private final SecretBox box = new SecretBox(key(1));

    @Test
    void theSameCustomerAlwaysHasTheSamePseudonym() {
        String first = Pseudonym.of(box, 7, 42);
        assertEquals(first, Pseudonym.of(box, 7, 42));
        assertEquals(first, Pseudonym.of(new SecretBox(key(1)), 7, 42), "after a restart with the same key");
    }

    @Test
    void otherCustomersOfTheTenantHaveOtherPseudonyms() {
        assertNotEquals(Pseudonym.of(box, 7, 42), Pseudonym.of(box, 7, 43));
        assertNotEquals(Pseudonym.of(box, 7, 1), Pseudonym.of(box, 7, 2));
    }

    @Test
    void theSameCustomerIdInAnotherTenantHasAnotherPseudonym() {
        assertNotEquals(Pseudonym.of(box, 7, 42), Pseudonym.of(box, 8, 42));
        // the tenant and customer ids are kept apart: tenant 1 customer 23 is not tenant 12 customer 3
        assertNotEquals(Pseudonym.of(box, 1, 23), Pseudonym.of(box, 12, 3));
    }

    @Test
    void anotherInstallationKeyGivesOtherPseudonyms() {
        SecretBox other = new SecretBox(key(2));
        for (long customer = 1; customer <= 20; customer++) {
            assertNotEquals(Pseudonym.of(box, 7, customer), Pseudonym.of(other, 7, customer), "customer " + customer);
        }
    }

    @Test
    void theAlphabetIsCrockfordsBase32() {
        assertEquals(32, CROCKFORD.length());
        assertEquals(32, CROCKFORD.chars().distinct().count());
        for (char c : "ILOU".toCharArray()) {
            assertEquals(-1, CROCKFORD.indexOf(c));
        }
    }

    @Test
    void collisionsAreRareAndEveryPseudonymIsSixReadableCharacters() {
        // 6 characters of 32 give N = 32^6 = 2^30 = 1,073,741,824 pseudonyms, each byte of the MAC picking
        // one of 32 evenly (256 is a multiple of 32). 10,000 customers make n(n-1)/2 = 49,995,000 pairs,
        // so the expected number of colliding pairs is 49,995,000 / N ~= 0.047 (birthday bound), and the
        // chance of 5 or more, Poisson(0.047), is about 0.047^5 / 5! ~= 2e-9. The key is fixed, so the
        // outcome is fixed too; with 5 characters it would be ~1.5 expected and with 4 characters ~48.
        Map<String, Long> seen = new HashMap<>();
        int collisions = 0;
        Map<Character, Integer> symbols = new HashMap<>();
        for (long customer = 1; customer <= 10_000; customer++) {
            String pseudonym = Pseudonym.of(box, 7, customer);
            assertTrue(SHAPE.matcher(pseudonym).matches(), pseudonym);
            for (char c : pseudonym.toCharArray()) {
                symbols.merge(c, 1, Integer::sum);
            }
            if (seen.putIfAbsent(pseudonym, customer) != null) {
                collisions++;
            }
        }
        assertTrue(collisions < 5, collisions + " collisions");

        // all 32 symbols are used, about evenly: 60,000 characters give ~1,875 each (sd ~43)
        assertEquals(32, symbols.size());
        symbols.forEach((c, count) -> assertTrue(count > 1_600 && count < 2_150, c + " occurs " + count + " times"));
    }

    @Test
    void pseudonymsOfTheSameCustomerIdAcrossManyTenantsDiffer() {
        Set<String> pseudonyms = new HashSet<>();
        for (long tenant = 1; tenant <= 1_000; tenant++) {
            pseudonyms.add(Pseudonym.of(box, tenant, 42));
        }
        assertTrue(pseudonyms.size() >= 999, pseudonyms.size() + " distinct");
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i * 7);
        }
        return key;
    }
}
