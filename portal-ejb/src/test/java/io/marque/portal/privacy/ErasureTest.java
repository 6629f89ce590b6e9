package io.marque.portal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErasureTest {

    @Test
    void erasedAddressesCarryOnlyIdsAndCanNeverReceiveMail() {
        assertEquals("erased-42@invalid", Erasure.email(42));
        assertEquals("erased-user-43@invalid", Erasure.userEmail(43));
        assertTrue(Erasure.isErased(Erasure.email(42)));
        assertTrue(Erasure.isErased(Erasure.userEmail(43)));
        assertFalse(Erasure.isErased("carla@example.com"));
        assertFalse(Erasure.isErased("erased-42@invalid.example.com"));
        assertFalse(Erasure.isErased(null));
    }

    @Test
    void searchValuesAreEveryAddressAndLongEnoughNamesLongestFirst() {
        List<String> values = Erasure.searchValues(List.of("carla@x.test", " ", Erasure.email(1)),
                Arrays.asList("Carla Customer", "Al", null, "Carla", Erasure.NAME));
        assertEquals(List.of("Carla Customer", "carla@x.test", "Carla"), values);
    }

    @Test
    void scrubReplacesEveryMentionIgnoringCaseAndKeepsTheRest() {
        List<String> values = Erasure.searchValues(List.of("carla@x.test"), List.of("Carla Customer"));
        assertEquals("invited erased-7@invalid (erased-7@invalid)",
                Erasure.scrub("invited CARLA@x.test (Carla Customer)", values, "erased-7@invalid"));
        assertEquals("ticket #12", Erasure.scrub("ticket #12", values, "erased-7@invalid"));
        assertNull(Erasure.scrub(null, values, "x"));
        assertEquals("a$1b", Erasure.scrub("acarla@x.testb", values, "$1"), "the replacement is taken literally");
    }

    @Test
    void mentionsIgnoresCase() {
        List<String> values = List.of("carla@x.test");
        assertTrue(Erasure.mentions("{\"email\":\"Carla@X.test\"}", values));
        assertFalse(Erasure.mentions("{\"email\":\"bob@x.test\"}", values));
        assertFalse(Erasure.mentions(null, values));
    }
}
