package io.marque.portal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Business hours are read on the desk's own wall clock, whatever the clocks do. */
class BusinessHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final BusinessHours OFFICE =
            new BusinessHours(BERLIN, WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0));

    // --- validation ----------------------------------------------------------------------------

    @Test
    void refusesADeskThatNeverOpens() {
        assertThrows(IllegalArgumentException.class,
                () -> new BusinessHours(BERLIN, Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0)));
    }

    @Test
    void refusesMissingParts() {
        LocalTime nine = LocalTime.of(9, 0);
        assertThrows(NullPointerException.class, () -> new BusinessHours(null, WEEKDAYS, nine, nine));
        assertThrows(NullPointerException.class, () -> new BusinessHours(BERLIN, null, nine, nine));
        assertThrows(NullPointerException.class, () -> new BusinessHours(BERLIN, WEEKDAYS, null, nine));
        assertThrows(NullPointerException.class, () -> new BusinessHours(BERLIN, WEEKDAYS, nine, null));
        Set<DayOfWeek> withNull = new HashSet<>(Arrays.asList(DayOfWeek.MONDAY, null));
        assertThrows(IllegalArgumentException.class, () -> new BusinessHours(BERLIN, withNull, nine, nine));
    }

    @Test
    void keepsItsOwnUnmodifiableCopyOfTheDays() {
        Set<DayOfWeek> days = new HashSet<>(Set.of(DayOfWeek.MONDAY));
        BusinessHours hours = new BusinessHours(BERLIN, days, LocalTime.of(9, 0), LocalTime.of(17, 0));
        days.add(DayOfWeek.SUNDAY);
        assertEquals(Set.of(DayOfWeek.MONDAY), hours.days());
        assertThrows(UnsupportedOperationException.class, () -> hours.days().add(DayOfWeek.TUESDAY));
    }

    @Test
    void alwaysIsEveryDayAroundTheClockInUtc() {
        BusinessHours always = BusinessHours.always();
        assertEquals(ZoneOffset.UTC, always.zone());
        assertEquals(EnumSet.allOf(DayOfWeek.class), always.days());
        assertEquals(LocalTime.MIDNIGHT, always.opens());
        assertEquals(LocalTime.MIDNIGHT, always.closes());
        assertTrue(always.isOpen(Instant.parse("2026-03-29T01:30:00Z")));
        assertTrue(always.isOpen(Instant.parse("2026-12-31T23:59:59.999Z")));
        assertTrue(always.isOpen(Instant.parse("2027-01-02T00:00:00Z")));
    }

    // --- isOpen --------------------------------------------------------------------------------

    @Test
    void opensInclusiveAndClosesExclusive() {
        assertFalse(OFFICE.isOpen(berlin("2026-11-03T08:59:59")));
        assertTrue(OFFICE.isOpen(berlin("2026-11-03T09:00")));
        assertTrue(OFFICE.isOpen(berlin("2026-11-03T16:59:59.999")));
        assertFalse(OFFICE.isOpen(berlin("2026-11-03T17:00")));
    }

    @Test
    void isClosedAtTheWeekend() {
        assertFalse(OFFICE.isOpen(berlin("2026-11-07T12:00")));
        assertFalse(OFFICE.isOpen(berlin("2026-11-08T12:00")));
        assertTrue(OFFICE.isOpen(berlin("2026-11-06T12:00")));
    }

    @Test
    void followsTheLocalClockInWinterAndSummer() {
        // 09:00 is 08:00 UTC in winter (CET) and 07:00 UTC in summer (CEST)
        assertTrue(OFFICE.isOpen(Instant.parse("2026-01-07T08:00:00Z")));
        assertFalse(OFFICE.isOpen(Instant.parse("2026-01-07T07:30:00Z")));
        assertTrue(OFFICE.isOpen(Instant.parse("2026-07-08T07:00:00Z")));
        assertFalse(OFFICE.isOpen(Instant.parse("2026-07-08T15:00:00Z")));
    }

    @Test
    void equalOpeningAndClosingMeansTheWholeCalendarDay() {
        BusinessHours weekdays = new BusinessHours(BERLIN, WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(8, 0));
        assertTrue(weekdays.isOpen(berlin("2026-11-02T00:00")));
        assertTrue(weekdays.isOpen(berlin("2026-11-02T07:59")));
        assertTrue(weekdays.isOpen(berlin("2026-11-06T23:59:59")));
        assertFalse(weekdays.isOpen(berlin("2026-11-07T00:00")));
        assertFalse(weekdays.isOpen(berlin("2026-11-01T23:59:59")));
    }

    @Test
    void aNightShiftRunsIntoTheNextMorning() {
        BusinessHours nights = new BusinessHours(BERLIN, WEEKDAYS, LocalTime.of(22, 0), LocalTime.of(6, 0));
        assertTrue(nights.isOpen(berlin("2026-11-06T22:00")));     // Friday evening
        assertTrue(nights.isOpen(berlin("2026-11-07T05:59")));     // Friday's shift, Saturday morning
        assertFalse(nights.isOpen(berlin("2026-11-07T06:00")));
        assertFalse(nights.isOpen(berlin("2026-11-07T23:00")));    // no shift begins on Saturday
        assertFalse(nights.isOpen(berlin("2026-11-09T05:00")));    // nor on Sunday
        assertFalse(nights.isOpen(berlin("2026-11-09T12:00")));
        assertTrue(nights.isOpen(berlin("2026-11-09T23:30")));
    }

    @Test
    void anOpeningInTheSkippedHourMeansTheMomentOfTheChange() {
        // on 2026-03-29 Berlin's clocks jump from 02:00 CET to 03:00 CEST, at 01:00 UTC
        BusinessHours early = new BusinessHours(BERLIN, EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30),
                LocalTime.of(5, 0));
        assertFalse(early.isOpen(Instant.parse("2026-03-29T00:59:59Z")));
        assertTrue(early.isOpen(Instant.parse("2026-03-29T01:00:00Z")));
        assertTrue(early.isOpen(Instant.parse("2026-03-29T02:59:59Z")));
        assertFalse(early.isOpen(Instant.parse("2026-03-29T03:00:00Z")));
    }

    @Test
    void aRepeatedHourIsOpenBothTimes() {
        // on 2026-10-25 the clocks go back from 03:00 CEST to 02:00 CET, so 02:30 happens twice
        BusinessHours early = new BusinessHours(BERLIN, EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0),
                LocalTime.of(4, 0));
        assertTrue(early.isOpen(Instant.parse("2026-10-25T00:30:00Z")));   // 02:30 CEST
        assertTrue(early.isOpen(Instant.parse("2026-10-25T01:30:00Z")));   // 02:30 CET
        assertTrue(early.isOpen(Instant.parse("2026-10-25T02:59:59Z")));   // 03:59:59 CET
        assertFalse(early.isOpen(Instant.parse("2026-10-25T03:00:00Z")));  // 04:00 CET
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }
}
