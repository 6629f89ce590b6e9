package io.marque.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per API key and one per client address of each reseller, sized by the reseller's
 * {@link ApiLimits}; a request must get a token from both. Held in this node's memory (issue 9 shares
 * them across a cluster); a bucket unused for ten minutes is full again anyway, and is dropped.
 */
@ApplicationScoped
public class RateLimiter {

    private static final long IDLE_NANOS = 600_000_000_000L;

    @Inject
    ApiLimits limits;

    private final ConcurrentHashMap<String, Entry> buckets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, ApiLimits.Limits> sizes = new ConcurrentHashMap<>();

    private record Entry(TokenBucket bucket, long createdNanos, long[] lastUsed) {
    }

    /** Takes a token for the key and one for the address; the tighter outcome is the answer. */
    public TokenBucket.Outcome take(ApiCaller caller) {
        long now = System.nanoTime();
        ApiLimits.Limits size = sizes.computeIfAbsent(caller.tenantId(), limits::of);
        TokenBucket.Outcome byKey = bucket("k:" + caller.keyId(), size, now).take(now);
        if (!byKey.allowed()) {
            return byKey;
        }
        TokenBucket.Outcome byAddress = bucket("a:" + caller.tenantId() + ":" + caller.clientAddress(), size, now).take(now);
        if (!byAddress.allowed()) {
            return byAddress;
        }
        return byKey.remaining() <= byAddress.remaining() ? byKey : byAddress;
    }

    void limitsChanged(@Observes ApiLimits.ApiLimitsChanged event) {
        sizes.clear();
        buckets.clear();
    }

    private TokenBucket bucket(String name, ApiLimits.Limits size, long now) {
        if (buckets.size() > 100_000) {
            buckets.entrySet().removeIf(e -> now - e.getValue().lastUsed()[0] > IDLE_NANOS);
        }
        Entry entry = buckets.computeIfAbsent(name, n -> new Entry(new TokenBucket(size.perMinute(), size.burst(), now), now,
                new long[] {now}));
        entry.lastUsed()[0] = now;
        return entry.bucket();
    }
}
