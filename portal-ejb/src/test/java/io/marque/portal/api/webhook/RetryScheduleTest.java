package io.marque.portal.api.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void theWaitsGrowFromTenSecondsToEightHours() {
        List<Duration> waits = IntStream.rangeClosed(1, RetrySchedule.MAX_ATTEMPTS - 1)
                .mapToObj(n -> RetrySchedule.after(n).orElseThrow()).toList();
        assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
                Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8),
                Duration.ofHours(8)), waits);
    }

    @Test
    void afterTheEleventhAttemptItIsGivenUp() {
        assertEquals(11, RetrySchedule.MAX_ATTEMPTS);
        assertTrue(RetrySchedule.after(10).isPresent());
        assertEquals(Optional.empty(), RetrySchedule.after(11));
        assertEquals(Optional.empty(), RetrySchedule.after(12));
    }

    @Test
    void theAttemptsSpanAlmostADay() {
        Duration span = RetrySchedule.span();
        assertEquals(Duration.ofSeconds(85_360), span);
        assertTrue(span.compareTo(Duration.ofHours(23)) > 0 && span.compareTo(Duration.ofHours(24)) < 0, span.toString());
    }

    @Test
    void thereIsNoWaitBeforeTheFirstAttempt() {
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.after(0));
    }
}
