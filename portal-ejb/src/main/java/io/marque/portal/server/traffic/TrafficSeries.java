package io.marque.portal.server.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A server's traffic over one {@link TrafficRange}, summed into buckets, with the figures a customer
 * and the provider look for: totals and the 95th percentile.
 *
 * <p>Buckets are aligned to multiples of the bucket size counted from midnight UTC, so the same hour
 * is the same bucket for every reader; the newest bucket is the one that holds {@code now} and ends
 * there. Samples are counted by the end of their interval ({@code start < at ≤ end}); samples before
 * the first bucket or after {@code now} are left out, and a bucket without samples is zero.
 *
 * <pre>{@code
 * TrafficSeries day = TrafficSeries.of(samples, TrafficRange.DAY, Instant.now());
 * double billable = Math.max(day.percentile95ReceivedMbps(), day.percentile95TransmittedMbps());
 * }</pre>
 */
public final class TrafficSeries {

    private final TrafficRange range;
    private final List<TrafficBucket> buckets;
    private final int sampleCount;
    private final long receivedBytes;
    private final long transmittedBytes;
    private final double percentile95ReceivedMbps;
    private final double percentile95TransmittedMbps;

    private TrafficSeries(TrafficRange range, List<TrafficBucket> buckets, int sampleCount, long receivedBytes,
            long transmittedBytes, double percentile95ReceivedMbps, double percentile95TransmittedMbps) {
        this.range = range;
        this.buckets = buckets;
        this.sampleCount = sampleCount;
        this.receivedBytes = receivedBytes;
        this.transmittedBytes = transmittedBytes;
        this.percentile95ReceivedMbps = percentile95ReceivedMbps;
        this.percentile95TransmittedMbps = percentile95TransmittedMbps;
    }

    /**
     * Sums the samples into the range's buckets up to {@code now}.
     *
     * @param samples 5-minute samples in any order; those outside the range are ignored
     * @param range   which span and bucket size
     * @param now     the end of the newest bucket
     * @return exactly {@code range.buckets()} buckets, oldest first
     */
    public static TrafficSeries of(List<TrafficSample> samples, TrafficRange range, Instant now) {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(now, "now");
        long bucketMillis = range.bucket().toMillis();
        // the end of the bucket holding now; now itself when it is exactly on a boundary
        long axisEnd = Math.floorDiv(now.toEpochMilli() + bucketMillis - 1, bucketMillis) * bucketMillis;
        long first = axisEnd - bucketMillis * range.buckets();
        Instant start = Instant.ofEpochMilli(first);

        long[] received = new long[range.buckets()];
        long[] transmitted = new long[range.buckets()];
        int[] counts = new int[range.buckets()];
        List<TrafficSample> inRange = new ArrayList<>();
        for (TrafficSample sample : samples) {
            if (!sample.at().isAfter(start) || sample.at().isAfter(now)) {
                continue;
            }
            int index = (int) ((sample.at().toEpochMilli() - first - 1) / bucketMillis);
            received[index] = Math.addExact(received[index], sample.receivedBytes());
            transmitted[index] = Math.addExact(transmitted[index], sample.transmittedBytes());
            counts[index]++;
            inRange.add(sample);
        }

        List<TrafficBucket> buckets = new ArrayList<>(range.buckets());
        for (int i = 0; i < range.buckets(); i++) {
            Instant bucketStart = Instant.ofEpochMilli(first + i * bucketMillis);
            Instant bucketEnd = i == range.buckets() - 1 ? now : bucketStart.plusMillis(bucketMillis);
            buckets.add(new TrafficBucket(bucketStart, bucketEnd, received[i], transmitted[i], counts[i]));
        }
        return new TrafficSeries(range, Collections.unmodifiableList(buckets), inRange.size(),
                Arrays.stream(received).reduce(0, Math::addExact), Arrays.stream(transmitted).reduce(0, Math::addExact),
                percentile95(inRange.stream().mapToLong(TrafficSample::receivedBytes).toArray()),
                percentile95(inRange.stream().mapToLong(TrafficSample::transmittedBytes).toArray()));
    }

    /**
     * The 95th percentile as hosting bills it: sort the 5-minute rates, drop the highest 5 % and take
     * the highest that is left.
     */
    private static double percentile95(long[] bytesPerSample) {
        if (bytesPerSample.length == 0) {
            return 0;
        }
        Arrays.sort(bytesPerSample);
        int index = (int) Math.ceil(bytesPerSample.length * 0.95) - 1;
        return TrafficBucket.megabitsPerSecond(bytesPerSample[index], 1);
    }

    public TrafficRange range() {
        return range;
    }

    /** The buckets, oldest first; always {@code range().buckets()} of them. */
    public List<TrafficBucket> buckets() {
        return buckets;
    }

    /** The start of the oldest bucket. */
    public Instant start() {
        return buckets.get(0).start();
    }

    /** The {@code now} the series was made for: the end of the newest bucket. */
    public Instant end() {
        return buckets.get(buckets.size() - 1).end();
    }

    /** How many samples fell into the range. */
    public int sampleCount() {
        return sampleCount;
    }

    /** Whether no sample fell into the range: nothing recorded yet, as opposed to a quiet server. */
    public boolean isEmpty() {
        return sampleCount == 0;
    }

    /** All bytes in over the range. */
    public long receivedBytes() {
        return receivedBytes;
    }

    /** All bytes out over the range. */
    public long transmittedBytes() {
        return transmittedBytes;
    }

    /** The 95th percentile of the 5-minute rates in, in Mbit/s; 0 without samples. */
    public double percentile95ReceivedMbps() {
        return percentile95ReceivedMbps;
    }

    /** The 95th percentile of the 5-minute rates out, in Mbit/s; 0 without samples. */
    public double percentile95TransmittedMbps() {
        return percentile95TransmittedMbps;
    }

    /** The highest bucket average in either direction, in Mbit/s; what a graph's scale must reach. */
    public double peakMbps() {
        return buckets.stream().mapToDouble(b -> Math.max(b.receivedMbps(), b.transmittedMbps())).max().orElse(0);
    }
}
