package io.marque.portal.api;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code perMinute} a minute. Pure and
 * thread-safe; the caller gives the time, so tests choose it.
 */
public final class TokenBucket {

    /** What one request was told: allowed or not, what is left, and when to come back. */
    public record Outcome(boolean allowed, int limit, int remaining, long retryAfterSeconds, long resetSeconds) {
    }

    private final int capacity;
    private final double perNano;
    private double tokens;
    private long last;

    public TokenBucket(int perMinute, int capacity, long nowNanos) {
        if (perMinute < 1 || capacity < 1) {
            throw new IllegalArgumentException("A bucket holds and refills at least one request");
        }
        this.capacity = capacity;
        this.perNano = perMinute / 60_000_000_000.0;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    public synchronized Outcome take(long nowNanos) {
        if (nowNanos > last) {
            tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
            last = nowNanos;
        }
        long resetSeconds = (long) Math.ceil((capacity - tokens) / perNano / 1_000_000_000.0);
        if (tokens >= 1) {
            tokens -= 1;
            return new Outcome(true, capacity, (int) Math.floor(tokens), 0,
                    (long) Math.ceil((capacity - tokens) / perNano / 1_000_000_000.0));
        }
        long retry = Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1_000_000_000.0));
        return new Outcome(false, capacity, 0, retry, resetSeconds);
    }
}
