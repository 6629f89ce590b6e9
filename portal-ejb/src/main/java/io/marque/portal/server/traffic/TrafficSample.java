package io.marque.portal.server.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The bytes a server's public interface moved in one sampling interval, the
 * {@link #INTERVAL 5 minutes} that end at {@code at}.
 *
 * @param at               the end of the interval
 * @param receivedBytes    bytes in (to the server), never negative
 * @param transmittedBytes bytes out (from the server), never negative
 */
public record TrafficSample(Instant at, long receivedBytes, long transmittedBytes) {

    /** How often samples are taken; the 95th percentile is computed over rates of this length. */
    public static final Duration INTERVAL = Duration.ofMinutes(5);

    public TrafficSample {
        Objects.requireNonNull(at, "at");
        if (receivedBytes < 0 || transmittedBytes < 0) {
            // a counter that went backwards (a reboot) is the collector's to handle, not a negative sample
            throw new IllegalArgumentException("Traffic cannot be negative: " + receivedBytes + "/" + transmittedBytes);
        }
    }
}
