package io.marque.portal.domains;

import java.time.Duration;
import java.time.Instant;

/**
 * When a domain is checked next. A pending claim is checked soon after it is made, when the reseller is
 * most likely creating its records, then less and less often (one minute doubling up to six hours) so
 * forgotten claims cost little; an active domain every six hours, to notice a record removed; a domain
 * needing attention every fifteen minutes, to notice the fix.
 */
public final class CheckSchedule {

    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofHours(6);
    static final Duration ACTIVE = Duration.ofHours(6);
    static final Duration ATTENTION = Duration.ofMinutes(15);

    private CheckSchedule() {
    }

    /** @param idleChecks pending checks in a row that found no proof */
    public static Instant next(CustomDomain.Status status, int idleChecks, Instant now) {
        return now.plus(switch (status) {
            case PENDING -> pendingDelay(idleChecks);
            case ACTIVE -> ACTIVE;
            case ATTENTION -> ATTENTION;
        });
    }

    static Duration pendingDelay(int idleChecks) {
        int doublings = Math.max(0, Math.min(idleChecks, 20));
        Duration delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
    }
}
