package io.marque.portal.server.driver;

import java.time.Duration;

/**
 * ipmitool's own retry options ({@code -N} seconds, {@code -R} retries), sized so that ipmitool gives
 * up by itself before the driver's hard deadline has to kill it: a BMC that does not answer then
 * ends in ipmitool's clear "no answer" message instead of a killed process.
 *
 * <p>Measured with ipmitool 1.8.19 against a port nobody answers: lanplus sends Get Channel
 * Authentication Capabilities twice (with and without the IPMI 2.0 bit), and each request waits
 * {@code N}, then {@code N + 1}, … seconds for {@code R} tries, so it gives up after
 * {@code 2 × (R·N + R(R−1)/2)} seconds: 2 s for {@code -N 1 -R 1}, 6 s for {@code -R 2}, 12 s for
 * {@code -R 3}. {@code -R 0} does not mean "no retries" but ipmitool's default of 4 (20 s), so at
 * least one retry is always asked for.
 *
 * @param intervalSeconds the value for {@code -N}
 * @param retries         the value for {@code -R}, at least 1
 */
record LanRetries(int intervalSeconds, int retries) {

    /** The share of the budget ipmitool may use for an unanswered session start; the rest is margin. */
    private static final double SHARE = 0.8;
    private static final int MAX_RETRIES = 10;

    /** The most retries whose unanswered session start still ends within 80 % of {@code budget}. */
    static LanRetries within(Duration budget) {
        double allowed = budget.toMillis() / 1000.0 * SHARE;
        int retries = 1;
        while (retries < MAX_RETRIES && new LanRetries(1, retries + 1).unansweredSeconds() <= allowed) {
            retries++;
        }
        return new LanRetries(1, retries);
    }

    /** How long ipmitool tries before it reports that nothing answered. */
    long unansweredSeconds() {
        return 2L * (retries * (long) intervalSeconds + retries * (retries - 1L) / 2);
    }
}
