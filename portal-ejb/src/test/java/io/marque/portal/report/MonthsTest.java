package io.marque.portal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthsTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void twelveMonthsEndWithTheCurrentOneAndCrossTheYear() {
        Months months = Months.ending(LocalDate.of(2025, 1, 31), 12);

        assertEquals(12, months.size());
        assertEquals(YearMonth.of(2024, 2), months.first());
        assertEquals(YearMonth.of(2025, 1), months.last());
        assertEquals(LocalDate.of(2024, 2, 1), months.start());
        assertEquals(LocalDate.of(2025, 2, 1), months.end());
    }

    @Test
    void boundsAreTheFirstDaysAndTheDayAfter() {
        Months months = Months.ending(LocalDate.of(2024, 3, 1), 3);

        assertEquals(List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 4, 1)), months.bounds());
    }

    @Test
    void boundsInAZoneAreWhenItsMonthsBegin() {
        Months months = Months.ending(LocalDate.of(2024, 2, 10), 2);

        assertEquals(List.of(Instant.parse("2023-12-31T21:00:00Z"), Instant.parse("2024-01-31T21:00:00Z"),
                Instant.parse("2024-02-29T21:00:00Z")), months.bounds(MOSCOW));
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), months.bounds(ZoneOffset.UTC).get(0));
    }

    @Test
    void aMomentBelongsToTheMonthOfTheTenantsCalendar() {
        Months months = Months.ending(LocalDate.of(2024, 3, 15), 12);
        Instant lateOnTheLastOfJanuaryUtc = Instant.parse("2024-01-31T22:30:00Z");

        assertEquals(months.months().indexOf(YearMonth.of(2024, 1)), months.indexOf(lateOnTheLastOfJanuaryUtc, ZoneOffset.UTC));
        assertEquals(months.months().indexOf(YearMonth.of(2024, 2)), months.indexOf(lateOnTheLastOfJanuaryUtc, MOSCOW));
    }

    @Test
    void theFirstMomentOfTheWindowIsInAndTheFirstAfterItIsOut() {
        Months months = Months.ending(LocalDate.of(2024, 3, 15), 12);
        List<Instant> bounds = months.bounds(ZoneOffset.UTC);

        assertEquals(0, months.indexOf(bounds.get(0), ZoneOffset.UTC));
        assertEquals(-1, months.indexOf(bounds.get(0).minusNanos(1), ZoneOffset.UTC));
        assertEquals(11, months.indexOf(bounds.get(12).minusNanos(1), ZoneOffset.UTC));
        assertEquals(-1, months.indexOf(bounds.get(12), ZoneOffset.UTC));
    }

    @Test
    void aWindowIsConsecutiveMonths() {
        assertThrows(IllegalArgumentException.class, () -> new Months(List.of(YearMonth.of(2024, 1), YearMonth.of(2024, 3))));
        assertThrows(IllegalArgumentException.class, () -> Months.ending(LocalDate.of(2024, 1, 1), 0));
    }
}
