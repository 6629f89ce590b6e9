package io.marque.portal.server.traffic;

import java.time.Instant;

/**
 * The traffic of one bucket of a graph: the samples whose interval ended after {@code start} and at or
 * before {@code end}. The newest bucket of a series ends at the series' "now" and so may be shorter
 * than the others.
 *
 * <p>Rates are averaged over the time the samples cover ({@code samples × 5 min}), not over the
 * bucket's length, the way round-robin databases average: a bucket the collector missed part of, or
 * the unfinished newest one, shows the rate that was measured rather than a dip towards zero.
 *
 * @param samples how many samples fell into the bucket; 0 means nothing was recorded
 */
public record TrafficBucket(Instant start, Instant end, long receivedBytes, long transmittedBytes, int samples) {

    /** The average rate in, in Mbit/s (10⁶ bit/s, as hosting traffic is sold); 0 without samples. */
    public double receivedMbps() {
        return megabitsPerSecond(receivedBytes, samples);
    }

    /** The average rate out, in Mbit/s; 0 without samples. */
    public double transmittedMbps() {
        return megabitsPerSecond(transmittedBytes, samples);
    }

    static double megabitsPerSecond(long bytes, int samples) {
        return samples == 0 ? 0 : bytes * 8.0 / (samples * TrafficSample.INTERVAL.toSeconds()) / 1_000_000;
    }
}
