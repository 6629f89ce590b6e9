package io.marque.portal.web.reseller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The expiry day a reseller admin picks is a whole day of its own time zone. */
class ApiKeysPageTest {

    @Test
    void aKeyWorksThroughItsLastDayInTheResellersTimeZone() {
        assertEquals(Instant.parse("2030-03-15T23:00:00Z"),
                ApiKeysPage.expiryOf(LocalDate.of(2030, 3, 15), ZoneId.of("Europe/Berlin")), "midnight in Berlin (CET)");
        assertEquals(Instant.parse("2030-03-15T21:00:00Z"),
                ApiKeysPage.expiryOf(LocalDate.of(2030, 3, 15), ZoneId.of("Europe/Moscow")), "midnight in Moscow");
        assertEquals(Instant.parse("2030-03-16T00:00:00Z"), ApiKeysPage.expiryOf(LocalDate.of(2030, 3, 15), ZoneId.of("UTC")));
    }

    @Test
    void noDayIsNoExpiry() {
        assertNull(ApiKeysPage.expiryOf(null, ZoneId.of("UTC")));
    }
}
