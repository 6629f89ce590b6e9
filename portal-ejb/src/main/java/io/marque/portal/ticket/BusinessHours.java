package io.marque.portal.ticket;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The hours in which a support desk works, as its staff read them on their own wall clock.
 *
 * <p>Hours are kept in local time of a named zone, not as UTC offsets, because a desk that opens
 * at 09:00 in Berlin still opens at 09:00 after the clocks change; a target counted in UTC would
 * drift by an hour twice a year. Each listed day has one open period from {@code opens} to
 * {@code closes}:
 * <ul>
 *   <li>{@code opens} before {@code closes}: that day, e.g. 09:00–17:00;</li>
 *   <li>{@code opens} equal to {@code closes}: the whole calendar day, midnight to midnight;</li>
 *   <li>{@code opens} after {@code closes}: a night shift that begins on the listed day and ends
 *       the next morning, e.g. 22:00–06:00.</li>
 * </ul>
 *
 * <p>A wall-clock time is the first instant at which the clock shows it or has passed it: a time
 * skipped when the clocks go forward means the moment of the change, and a time that occurs twice
 * when they go back means its first occurrence.
 *
 * <pre>{@code
 * BusinessHours desk = new BusinessHours(ZoneId.of("Europe/Berlin"),
 *         EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));
 * }</pre>
 *
 * @param zone the zone whose wall clock the hours are read on
 * @param days the days on which an open period begins; never empty
 * @param opens the local time the desk opens
 * @param closes the local time the desk closes; equal to {@code opens} for the whole day
 */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

    /** One open period as instants, {@code start} inclusive and {@code end} exclusive. */
    record Window(Instant start, Instant end) {
    }

    public BusinessHours {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (days.isEmpty()) {
            // a desk that never opens would make every target unreachable
            throw new IllegalArgumentException("Business hours need at least one day");
        }
        if (days.contains(null)) {
            throw new IllegalArgumentException("Business days must not contain null");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** Round the clock, every day, in UTC: targets count plain elapsed time. */
    public static BusinessHours always() {
        return new BusinessHours(ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT,
                LocalTime.MIDNIGHT);
    }

    /**
     * Tells whether the desk is open at an instant.
     *
     * @param instant the moment asked about
     * @return true if it falls in an open period (opening inclusive, closing exclusive)
     */
    public boolean isOpen(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        LocalDate date = LocalDate.ofInstant(instant, zone);
        // a night shift that began yesterday may still be running
        for (LocalDate day = date.minusDays(1); !day.isAfter(date.plusDays(1)); day = day.plusDays(1)) {
            Window window = windowOn(day);
            if (window != null && !instant.isBefore(window.start()) && instant.isBefore(window.end())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The open period that begins on a local date, or null if none does. The period may be empty
     * when both ends fall into the hour the clocks skip.
     */
    Window windowOn(LocalDate date) {
        if (!days.contains(date.getDayOfWeek())) {
            return null;
        }
        if (opens.equals(closes)) {
            return new Window(instantOf(date, LocalTime.MIDNIGHT), instantOf(date.plusDays(1), LocalTime.MIDNIGHT));
        }
        LocalDate closingDate = opens.isBefore(closes) ? date : date.plusDays(1);
        return new Window(instantOf(date, opens), instantOf(closingDate, closes));
    }

    private Instant instantOf(LocalDate date, LocalTime time) {
        LocalDateTime local = date.atTime(time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.of(local, zone).toInstant();
    }
}
