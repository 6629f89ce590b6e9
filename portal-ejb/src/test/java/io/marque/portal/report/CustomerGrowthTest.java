package io.marque.portal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerGrowthTest {

    @Test
    void eachMonthEndsWithTheTotalLessThoseAddedAfterIt() {
        assertEquals(List.of(5L, 5L, 8L, 8L, 10L), CustomerGrowth.totals(10, List.of(0L, 0L, 3L, 0L, 2L)));
    }

    @Test
    void customersFromBeforeTheWindowCountInEveryMonth() {
        assertEquals(List.of(7L, 7L, 7L), CustomerGrowth.totals(7, List.of(0L, 0L, 0L)));
    }

    @Test
    void moreAddedThanThereAreIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> CustomerGrowth.totals(2, List.of(1L, 2L)));
    }
}
