package io.marque.portal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Service-level time runs only while the desk is open, by the desk's wall clock: over nights and
 * weekends, across daylight-saving changes and for targets many days away.
 */
class SlaClockTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final BusinessHours OFFICE =
            new BusinessHours(BERLIN, WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0));
    private static final BusinessHours OFFICE_UTC =
            new BusinessHours(ZoneOffset.UTC, WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0));
    private static final BusinessHours ROUND_THE_CLOCK_BERLIN =
            new BusinessHours(BERLIN, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    // --- due: within and between days ----------------------------------------------------------

    @Test
    void dueLaterTheSameDay() {
        assertEquals(berlin("2026-11-03T14:00"), SlaClock.due(berlin("2026-11-03T10:00"), hours(4), OFFICE));
    }

    @Test
    void aStartBeforeOpeningCountsFromTheOpening() {
        assertEquals(berlin("2026-11-03T10:00"), SlaClock.due(berlin("2026-11-03T07:00"), hours(1), OFFICE));
    }

    @Test
    void aStartExactlyAtOpeningCountsFromThere() {
        assertEquals(berlin("2026-11-03T09:30"), SlaClock.due(berlin("2026-11-03T09:00"), minutes(30), OFFICE));
    }

    @Test
    void aTargetEndingAtClosingIsDueAtClosingNotNextMorning() {
        assertEquals(berlin("2026-11-03T17:00"), SlaClock.due(berlin("2026-11-03T09:00"), hours(8), OFFICE));
        assertEquals(berlin("2026-11-03T17:00"), SlaClock.due(berlin("2026-11-03T16:00"), hours(1), OFFICE));
    }

    @Test
    void aStartExactlyAtClosingCountsFromTheNextOpening() {
        assertEquals(berlin("2026-11-04T10:00"), SlaClock.due(berlin("2026-11-03T17:00"), hours(1), OFFICE));
    }

    @Test
    void theRestCarriesOverToTheNextMorning() {
        assertEquals(berlin("2026-11-04T11:00"), SlaClock.due(berlin("2026-11-03T15:00"), hours(4), OFFICE));
        assertEquals(berlin("2026-11-04T09:00:01"),
                SlaClock.due(berlin("2026-11-03T09:00"), hours(8).plusSeconds(1), OFFICE));
    }

    @Test
    void aZeroTargetIsTheFirstOpenInstant() {
        assertEquals(berlin("2026-11-03T10:00"), SlaClock.due(berlin("2026-11-03T10:00"), Duration.ZERO, OFFICE));
        assertEquals(berlin("2026-11-03T09:00"), SlaClock.due(berlin("2026-11-03T06:00"), Duration.ZERO, OFFICE));
        assertEquals(berlin("2026-11-04T09:00"), SlaClock.due(berlin("2026-11-03T17:00"), Duration.ZERO, OFFICE));
    }

    @Test
    void theWeekendDoesNotCount() {
        // Friday 16:00 + 2 h: one hour on Friday, one on Monday
        assertEquals(berlin("2026-11-09T10:00"), SlaClock.due(berlin("2026-11-06T16:00"), hours(2), OFFICE));
        // a ticket opened on Saturday starts on Monday morning
        assertEquals(berlin("2026-11-09T13:00"), SlaClock.due(berlin("2026-11-07T11:00"), hours(4), OFFICE));
        assertEquals(berlin("2026-11-09T13:00"), SlaClock.due(berlin("2026-11-08T23:59"), hours(4), OFFICE));
    }

    @Test
    void multiDayTargets() {
        // three full business days from Monday morning end on Wednesday evening
        assertEquals(berlin("2026-11-04T17:00"), SlaClock.due(berlin("2026-11-02T09:00"), hours(24), OFFICE));
        // five business days from Wednesday noon end next Wednesday noon
        assertEquals(berlin("2026-11-11T12:00"), SlaClock.due(berlin("2026-11-04T12:00"), hours(40), OFFICE));
    }

    @Test
    void thirtyBusinessDaysAreSixWorkingWeeks() {
        Instant start = berlin("2026-01-05T09:00");
        Instant due = SlaClock.due(start, hours(30 * 8), OFFICE);
        assertEquals(berlin("2026-02-13T17:00"), due);
        assertEquals(hours(240), SlaClock.elapsed(start, due, OFFICE));
    }

    // --- due: daylight-saving time -------------------------------------------------------------

    @Test
    void springForwardKeepsTheLocalOpeningHours() {
        // Friday 16:00 CET (15:00 UTC) + 4 h: 1 h on Friday, 3 h on Monday from 09:00 CEST (07:00 UTC).
        // Counting in UTC would give 11:00 UTC, an hour late.
        Instant due = SlaClock.due(Instant.parse("2026-03-27T15:00:00Z"), hours(4), OFFICE);
        assertEquals(Instant.parse("2026-03-30T10:00:00Z"), due);
        assertEquals(berlin("2026-03-30T12:00"), due);
    }

    @Test
    void fallBackKeepsTheLocalOpeningHours() {
        // Friday 16:00 CEST (14:00 UTC) + 4 h: Monday 12:00 CET, which is 11:00 UTC
        Instant due = SlaClock.due(Instant.parse("2026-10-23T14:00:00Z"), hours(4), OFFICE);
        assertEquals(Instant.parse("2026-10-26T11:00:00Z"), due);
    }

    @Test
    void roundTheClockCountsRealTimeAcrossTheShortAndTheLongDay() {
        // 29 March 2026 has 23 hours in Berlin: 24 h from its midnight end at 01:00 on the 30th
        assertEquals(berlin("2026-03-30T01:00"),
                SlaClock.due(berlin("2026-03-29T00:00"), hours(24), ROUND_THE_CLOCK_BERLIN));
        // 25 October 2026 has 25 hours: 24 h from its midnight end at 23:00 the same day
        assertEquals(berlin("2026-10-25T23:00"),
                SlaClock.due(berlin("2026-10-25T00:00"), hours(24), ROUND_THE_CLOCK_BERLIN));
    }

    @Test
    void anOpeningInTheSkippedHourOpensAtTheChange() {
        // Sundays 02:30-05:00; on 29 March 02:30 does not exist, the desk opens at 03:00 CEST (01:00 UTC)
        BusinessHours sundayEarly = new BusinessHours(BERLIN, EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30),
                LocalTime.of(5, 0));
        assertEquals(Instant.parse("2026-03-29T02:00:00Z"),
                SlaClock.due(Instant.parse("2026-03-28T12:00:00Z"), hours(1), sundayEarly));
        assertEquals(hours(2), SlaClock.elapsed(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00"), sundayEarly));
        assertEquals(minutes(150),
                SlaClock.elapsed(berlin("2026-03-22T00:00"), berlin("2026-03-22T12:00"), sundayEarly));
    }

    @Test
    void aRepeatedHourCountsTwice() {
        BusinessHours sundayEarly = new BusinessHours(BERLIN, EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0),
                LocalTime.of(4, 0));
        assertEquals(hours(4), SlaClock.elapsed(berlin("2026-10-25T00:00"), berlin("2026-10-25T12:00"), sundayEarly));
        // from 01:00 CEST (23:00 UTC the day before) the fourth hour ends at 04:00 CET
        assertEquals(Instant.parse("2026-10-25T03:00:00Z"),
                SlaClock.due(Instant.parse("2026-10-24T12:00:00Z"), hours(4), sundayEarly));
    }

    // --- due: night shifts and 24/7 ------------------------------------------------------------

    @Test
    void aNightShiftCarriesOverTheWeekend() {
        BusinessHours nights = new BusinessHours(ZoneOffset.UTC, WEEKDAYS, LocalTime.of(22, 0), LocalTime.of(6, 0));
        // Friday's shift still runs on Saturday morning
        assertEquals(Instant.parse("2026-11-07T04:00:00Z"),
                SlaClock.due(Instant.parse("2026-11-07T03:00:00Z"), hours(1), nights));
        // Friday 23:00 + 8 h: 7 h until Saturday 06:00, then 1 h from Monday 22:00
        assertEquals(Instant.parse("2026-11-09T23:00:00Z"),
                SlaClock.due(Instant.parse("2026-11-06T23:00:00Z"), hours(8), nights));
        assertEquals(hours(8), SlaClock.elapsed(Instant.parse("2026-11-06T23:00:00Z"),
                Instant.parse("2026-11-09T23:00:00Z"), nights));
    }

    @Test
    void alwaysIsPlainElapsedTime() {
        BusinessHours always = BusinessHours.always();
        Instant start = Instant.parse("2026-03-28T17:43:12.5Z");
        for (Duration target : new Duration[] {Duration.ZERO, minutes(1), hours(23), hours(24), hours(1000)}) {
            assertEquals(start.plus(target), SlaClock.due(start, target, always));
            assertEquals(target, SlaClock.elapsed(start, start.plus(target), always));
        }
    }

    // --- elapsed -------------------------------------------------------------------------------

    @Test
    void elapsedIsZeroUnlessTimeMovesForward() {
        Instant t = berlin("2026-11-03T10:00");
        assertEquals(Duration.ZERO, SlaClock.elapsed(t, t, OFFICE));
        assertEquals(Duration.ZERO, SlaClock.elapsed(t, t.minusSeconds(3600), OFFICE));
    }

    @Test
    void elapsedCountsOnlyOpenTime() {
        assertEquals(minutes(90), SlaClock.elapsed(berlin("2026-11-03T10:00"), berlin("2026-11-03T11:30"), OFFICE));
        assertEquals(hours(8), SlaClock.elapsed(berlin("2026-11-03T06:00"), berlin("2026-11-03T20:00"), OFFICE));
        assertEquals(Duration.ZERO, SlaClock.elapsed(berlin("2026-11-03T17:00"), berlin("2026-11-04T09:00"), OFFICE));
        assertEquals(Duration.ZERO, SlaClock.elapsed(berlin("2026-11-07T00:00"), berlin("2026-11-09T09:00"), OFFICE));
        assertEquals(hours(2), SlaClock.elapsed(berlin("2026-11-06T16:00"), berlin("2026-11-09T10:00"), OFFICE));
    }

    @Test
    void elapsedOverTheDaylightSavingChanges() {
        // Friday 16:00 to Monday 12:00: 1 + 3 hours of local time, on either side of both changes
        assertEquals(hours(4), SlaClock.elapsed(berlin("2026-03-27T16:00"), berlin("2026-03-30T12:00"), OFFICE));
        assertEquals(hours(4), SlaClock.elapsed(berlin("2026-10-23T16:00"), berlin("2026-10-26T12:00"), OFFICE));
        assertEquals(hours(23), SlaClock.elapsed(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"),
                ROUND_THE_CLOCK_BERLIN));
        assertEquals(hours(25), SlaClock.elapsed(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00"),
                ROUND_THE_CLOCK_BERLIN));
    }

    @Test
    void dueAndElapsedAgreeAcrossAWeekWithAClockChange() {
        Instant from = berlin("2026-03-25T00:00");
        for (Instant start = from; start.isBefore(berlin("2026-04-01T00:00")); start = start.plus(minutes(37))) {
            for (Duration target : new Duration[] {Duration.ZERO, minutes(1), hours(3), hours(8), hours(11)}) {
                Instant due = SlaClock.due(start, target, OFFICE);
                assertEquals(target, SlaClock.elapsed(start, due, OFFICE), () -> "from " + from + " + " + target);
            }
        }
    }

    @Test
    void longSpansAreCountedByTheDay() {
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        Instant century = Instant.parse("2126-01-05T00:00:00Z");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            // 52 whole weeks of Monday-Friday 09:00-17:00
            assertEquals(hours(52 * 40), SlaClock.elapsed(start, start.plus(Duration.ofDays(364)), OFFICE_UTC));
            assertEquals(Duration.between(start, century), SlaClock.elapsed(start, century, BusinessHours.always()));
            Instant due = SlaClock.due(start, hours(52 * 40 * 100), OFFICE_UTC);
            assertEquals(hours(52 * 40 * 100), SlaClock.elapsed(start, due, OFFICE_UTC));
        });
    }

    // --- refusals ------------------------------------------------------------------------------

    @Test
    void refusesNegativeAndAbsurdTargets() {
        Instant t = berlin("2026-11-03T10:00");
        assertThrows(IllegalArgumentException.class, () -> SlaClock.due(t, minutes(-1), OFFICE));
        assertThrows(IllegalArgumentException.class,
                () -> SlaClock.due(t, SlaClock.MAX_BUSINESS_TIME.plusSeconds(1), OFFICE));
        assertThrows(NullPointerException.class, () -> SlaClock.due(null, hours(1), OFFICE));
        assertThrows(NullPointerException.class, () -> SlaClock.due(t, null, OFFICE));
        assertThrows(NullPointerException.class, () -> SlaClock.due(t, hours(1), null));
        assertThrows(NullPointerException.class, () -> SlaClock.elapsed(t, null, OFFICE));
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
