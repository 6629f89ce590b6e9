package io.marque.portal.server.traffic;

import java.time.Duration;

/**
 * The spans a traffic graph can show, each cut into buckets of equal length. The bucket sizes keep
 * every graph at 24–30 points, few enough to read and many enough to see the daily curve in a week.
 */
public enum TrafficRange {

    /** 24 hours by the hour. */
    DAY(Duration.ofHours(1), 24),
    /** 7 days in quarters of a day. */
    WEEK(Duration.ofHours(6), 28),
    /** 30 days by the day. */
    MONTH(Duration.ofDays(1), 30);

    private final Duration bucket;
    private final int buckets;

    TrafficRange(Duration bucket, int buckets) {
        this.bucket = bucket;
        this.buckets = buckets;
    }

    /** How long one bucket is; buckets start at multiples of it counted from midnight UTC. */
    public Duration bucket() {
        return bucket;
    }

    /** How many buckets the range has. */
    public int buckets() {
        return buckets;
    }

    /** The whole span: {@code bucket × buckets}. */
    public Duration length() {
        return bucket.multipliedBy(buckets);
    }
}
