package io.marque.portal.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Counts service-level time in a desk's business hours: when a target falls due, and how much of
 * it has been used.
 *
 * <p>A promise such as "first answer within 4 business hours" is only fair to the desk if the
 * clock stops while it is closed, and only honest to the customer if it runs in exactly the hours
 * the desk announced, including across daylight-saving changes. Both methods therefore walk the
 * open periods of {@link BusinessHours} one calendar day at a time and add real elapsed time
 * inside them; nothing is counted minute by minute, so a target of thirty business days costs a
 * few dozen steps.
 *
 * <pre>{@code
 * Instant due = SlaClock.due(ticket.openedAt(), Duration.ofHours(4), desk);
 * Duration used = SlaClock.elapsed(ticket.openedAt(), now, desk);
 * }</pre>
 */
public final class SlaClock {

    /**
     * The longest target accepted. Anything longer is a configuration mistake, and the bound
     * keeps {@link #due} from walking calendar days until the end of time.
     */
    public static final Duration MAX_BUSINESS_TIME = Duration.ofDays(36_525);

    private SlaClock() {
    }

    /**
     * The instant at which a given amount of open time has passed after a start. A start outside
     * business hours starts the clock at the next opening; a target that ends exactly when the
     * desk closes falls due at the closing instant, not at the next opening.
     *
     * @param start when the clock starts, e.g. when the ticket was opened
     * @param businessTime open time allowed; zero gives the first open instant at or after
     *     {@code start}
     * @param hours the desk's business hours
     * @return the due instant
     * @throws IllegalArgumentException if {@code businessTime} is negative or longer than
     *     {@link #MAX_BUSINESS_TIME}
     */
    public static Instant due(Instant start, Duration businessTime, BusinessHours hours) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(businessTime, "businessTime");
        Objects.requireNonNull(hours, "hours");
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("Business time must not be negative: " + businessTime);
        }
        if (businessTime.compareTo(MAX_BUSINESS_TIME) > 0) {
            throw new IllegalArgumentException("Business time is longer than " + MAX_BUSINESS_TIME + ": "
                    + businessTime);
        }
        Duration remaining = businessTime;
        // a night shift that began the day before may still be running at the start
        for (LocalDate day = LocalDate.ofInstant(start, hours.zone()).minusDays(1); ; day = day.plusDays(1)) {
            BusinessHours.Window window = hours.windowOn(day);
            if (window == null || !window.end().isAfter(window.start()) || !window.end().isAfter(start)) {
                continue;
            }
            Instant from = later(window.start(), start);
            Duration available = Duration.between(from, window.end());
            if (remaining.compareTo(available) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
    }

    /**
     * The open time between two instants.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @param hours the desk's business hours
     * @return the business time in between; zero if {@code to} is not after {@code from}
     */
    public static Duration elapsed(Instant from, Instant to, BusinessHours hours) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(hours, "hours");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        // one day of margin on each side: a night shift may reach into the first day, and an hour
        // repeated around midnight may put an instant of the last day after the next day began
        LocalDate last = LocalDate.ofInstant(to, hours.zone()).plusDays(1);
        for (LocalDate day = LocalDate.ofInstant(from, hours.zone()).minusDays(1); !day.isAfter(last);
                day = day.plusDays(1)) {
            BusinessHours.Window window = hours.windowOn(day);
            if (window == null) {
                continue;
            }
            Instant start = later(window.start(), from);
            Instant end = window.end().isBefore(to) ? window.end() : to;
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
