package io.marque.portal.api.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a delivery that was not answered with 2xx is tried again: 10 s, 30 s, 2 min, 10 min, 30 min,
 * 1 h, 2 h, 4 h, 8 h and 8 h after the attempts before, eleven attempts over about 23 h 43 min, then it is
 * given up (FAILED, kept in the log, retried only by hand). Quick at first, so a receiver that was
 * restarting gets the event within a minute; then slower, so one that is down for the night is not
 * hammered, and still gets everything when it is back the next morning.
 */
public final class RetrySchedule {

    private static final List<Duration> WAITS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4),
            Duration.ofHours(8), Duration.ofHours(8));

    /** How many times a delivery is tried before it is given up. */
    public static final int MAX_ATTEMPTS = WAITS.size() + 1;

    private RetrySchedule() {
    }

    /**
     * @param attempts how many attempts were made so far (1 after the first)
     * @return how long to wait before the next attempt, or empty when the last one has been made
     */
    public static Optional<Duration> after(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("No attempt was made yet");
        }
        return attempts > WAITS.size() ? Optional.empty() : Optional.of(WAITS.get(attempts - 1));
    }

    /** The time from the first attempt to the last: about 23 h 43 min. */
    public static Duration span() {
        return WAITS.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
