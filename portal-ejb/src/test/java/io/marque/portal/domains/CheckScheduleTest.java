package io.marque.portal.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void aPendingClaimIsCheckedSoonThenLessAndLessOften() {
        assertEquals(NOW.plus(Duration.ofMinutes(1)), CheckSchedule.next(CustomDomain.Status.PENDING, 0, NOW));
        assertEquals(NOW.plus(Duration.ofMinutes(2)), CheckSchedule.next(CustomDomain.Status.PENDING, 1, NOW));
        assertEquals(NOW.plus(Duration.ofMinutes(256)), CheckSchedule.next(CustomDomain.Status.PENDING, 8, NOW));
        assertEquals(NOW.plus(Duration.ofHours(6)), CheckSchedule.next(CustomDomain.Status.PENDING, 9, NOW));
        assertEquals(NOW.plus(Duration.ofHours(6)), CheckSchedule.next(CustomDomain.Status.PENDING, 1000, NOW));
    }

    @Test
    void anActiveDomainIsWatchedAndOneNeedingAttentionMoreClosely() {
        assertEquals(NOW.plus(Duration.ofHours(6)), CheckSchedule.next(CustomDomain.Status.ACTIVE, 0, NOW));
        assertEquals(NOW.plus(Duration.ofMinutes(15)), CheckSchedule.next(CustomDomain.Status.ATTENTION, 5, NOW));
    }
}
