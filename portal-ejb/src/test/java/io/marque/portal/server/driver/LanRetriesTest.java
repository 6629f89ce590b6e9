package io.marque.portal.server.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** ipmitool's retry options must let it give up by itself before the driver's deadline. */
class LanRetriesTest {

    @Test
    void theGiveUpTimeIsWhatIpmitoolWasMeasuredToTake() {
        // ipmitool 1.8.19 -I lanplus against a port nobody answers, -N and -R as given
        assertEquals(2, new LanRetries(1, 1).unansweredSeconds());
        assertEquals(6, new LanRetries(1, 2).unansweredSeconds());
        assertEquals(12, new LanRetries(1, 3).unansweredSeconds());
        assertEquals(20, new LanRetries(1, 4).unansweredSeconds());
        assertEquals(4, new LanRetries(2, 1).unansweredSeconds());
        assertEquals(14, new LanRetries(3, 2).unansweredSeconds());
    }

    @Test
    void ipmitoolGivesUpWellBeforeTheDeadline() {
        assertEquals(new LanRetries(1, 2), LanRetries.within(Duration.ofSeconds(10)));
        assertEquals(new LanRetries(1, 4), LanRetries.within(Duration.ofSeconds(30)));
        for (int seconds = 3; seconds <= 120; seconds++) {
            LanRetries retries = LanRetries.within(Duration.ofSeconds(seconds));
            assertTrue(retries.unansweredSeconds() <= seconds * 0.8, seconds + " s: " + retries);
        }
    }

    @Test
    void thereIsAlwaysARetryBecauseZeroMeansIpmitoolsDefaultOfFour() {
        assertEquals(new LanRetries(1, 1), LanRetries.within(Duration.ofSeconds(1)));
        assertEquals(new LanRetries(1, 1), LanRetries.within(Duration.ZERO));
    }
}
