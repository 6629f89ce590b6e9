package io.marque.portal.billing.dunning;

import static io.marque.portal.billing.invoice.DunningStep.LATE_FEE;
import static io.marque.portal.billing.invoice.DunningStep.NONE;
import static io.marque.portal.billing.invoice.DunningStep.OVERDUE;
import static io.marque.portal.billing.invoice.DunningStep.REMINDED;
import static io.marque.portal.billing.invoice.DunningStep.SUSPENDED;
import static io.marque.portal.billing.invoice.DunningStep.TERMINATED;
import static io.marque.portal.billing.invoice.InvoiceStatus.ISSUED;
import static io.marque.portal.billing.invoice.InvoiceStatus.PAID;
import static io.marque.portal.billing.invoice.InvoiceStatus.VOID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.billing.invoice.DunningStep;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The dunning timeline of issue 5 at every boundary: which steps an unpaid invoice takes on which day. */
class DunningScheduleTest {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 10);

    /** Days relative to the due date, and the furthest step due on that day. */
    @ParameterizedTest
    @CsvSource({"-30,NONE", "-4,NONE", "-3,REMINDED", "-1,REMINDED", "0,REMINDED", "1,OVERDUE", "2,OVERDUE",
        "3,LATE_FEE", "4,LATE_FEE", "5,SUSPENDED", "6,SUSPENDED", "7,TERMINATED", "8,TERMINATED", "400,TERMINATED"})
    void eachStepIsDueFromItsDay(int days, DunningStep reached) {
        assertEquals(reached, DunningSchedule.reached(DUE, DUE.plusDays(days)), "due" + (days < 0 ? "" : "+") + days);
    }

    @Test
    void theDaysOfTheSteps() {
        assertEquals(LocalDate.of(2026, 3, 7), DunningSchedule.dayOf(REMINDED, DUE));
        assertEquals(LocalDate.of(2026, 3, 11), DunningSchedule.dayOf(OVERDUE, DUE));
        assertEquals(LocalDate.of(2026, 3, 13), DunningSchedule.dayOf(LATE_FEE, DUE));
        assertEquals(LocalDate.of(2026, 3, 15), DunningSchedule.dayOf(SUSPENDED, DUE));
        assertEquals(LocalDate.of(2026, 3, 17), DunningSchedule.dayOf(TERMINATED, DUE), "7 days after the due date");
        assertThrows(IllegalArgumentException.class, () -> DunningSchedule.dayOf(NONE, DUE));
    }

    @Test
    void aStepIsTakenOnItsDayAndOnlyOnce() {
        assertEquals(List.of(), DunningSchedule.toTake(ISSUED, NONE, DUE, DUE.minusDays(4)));
        assertEquals(List.of(REMINDED), DunningSchedule.toTake(ISSUED, NONE, DUE, DUE.minusDays(3)));
        assertEquals(List.of(), DunningSchedule.toTake(ISSUED, REMINDED, DUE, DUE.minusDays(3)), "the same day again");
        assertEquals(List.of(), DunningSchedule.toTake(ISSUED, REMINDED, DUE, DUE), "on the due date it is not late yet");
        assertEquals(List.of(OVERDUE), DunningSchedule.toTake(ISSUED, REMINDED, DUE, DUE.plusDays(1)));
        assertEquals(List.of(), DunningSchedule.toTake(ISSUED, OVERDUE, DUE, DUE.plusDays(2)));
        assertEquals(List.of(LATE_FEE), DunningSchedule.toTake(ISSUED, OVERDUE, DUE, DUE.plusDays(3)));
        assertEquals(List.of(), DunningSchedule.toTake(ISSUED, LATE_FEE, DUE, DUE.plusDays(4)));
        assertEquals(List.of(SUSPENDED), DunningSchedule.toTake(ISSUED, LATE_FEE, DUE, DUE.plusDays(5)));
        assertEquals(List.of(), DunningSchedule.toTake(ISSUED, SUSPENDED, DUE, DUE.plusDays(6)));
        assertEquals(List.of(TERMINATED), DunningSchedule.toTake(ISSUED, SUSPENDED, DUE, DUE.plusDays(7)));
        assertEquals(List.of(), DunningSchedule.toTake(ISSUED, TERMINATED, DUE, DUE.plusDays(8)), "the end is the end");
    }

    @Test
    void stepsMissedWhileTheJobWasDownAreAllTakenInOrder() {
        assertEquals(List.of(REMINDED, OVERDUE, LATE_FEE), DunningSchedule.toTake(ISSUED, NONE, DUE, DUE.plusDays(3)));
        assertEquals(List.of(OVERDUE, LATE_FEE, SUSPENDED, TERMINATED),
                DunningSchedule.toTake(ISSUED, REMINDED, DUE, DUE.plusDays(30)));
        assertEquals(List.of(REMINDED, OVERDUE, LATE_FEE, SUSPENDED, TERMINATED),
                DunningSchedule.toTake(ISSUED, NONE, DUE, DUE.plusDays(7)));
    }

    @Test
    void aPaidOrVoidInvoiceTakesNoStep() {
        for (DunningStep taken : DunningStep.values()) {
            assertTrue(DunningSchedule.toTake(PAID, taken, DUE, DUE.plusDays(30)).isEmpty(), "paid, after " + taken);
            assertTrue(DunningSchedule.toTake(VOID, taken, DUE, DUE.plusDays(30)).isEmpty(), "void, after " + taken);
        }
    }

    @Test
    void anExtensionMovesTheStepsNotYetTaken() {
        LocalDate extended = DUE.plusDays(10);
        // overdue on due+1; on due+2 the admin extends to due+10
        assertEquals(List.of(), DunningSchedule.toTake(ISSUED, OVERDUE, extended, DUE.plusDays(3)), "no late fee at due+3");
        assertEquals(List.of(), DunningSchedule.toTake(ISSUED, OVERDUE, extended, DUE.plusDays(7)), "no end at due+7");
        assertEquals(List.of(), DunningSchedule.toTake(ISSUED, OVERDUE, extended, extended.plusDays(1)),
                "overdue once: not again on the new date");
        assertEquals(List.of(), DunningSchedule.toTake(ISSUED, OVERDUE, extended, extended.plusDays(2)));
        assertEquals(List.of(LATE_FEE), DunningSchedule.toTake(ISSUED, OVERDUE, extended, extended.plusDays(3)));
        assertEquals(List.of(SUSPENDED), DunningSchedule.toTake(ISSUED, LATE_FEE, extended, extended.plusDays(5)));
        assertEquals(List.of(), DunningSchedule.toTake(ISSUED, SUSPENDED, extended, extended.plusDays(6)));
        assertEquals(List.of(TERMINATED), DunningSchedule.toTake(ISSUED, SUSPENDED, extended, extended.plusDays(7)));
    }

    @Test
    void anExtensionNeverTakesAStepBackNorUndoesATermination() {
        LocalDate extended = DUE.plusDays(20);
        assertEquals(List.of(), DunningSchedule.toTake(ISSUED, SUSPENDED, extended, DUE.plusDays(8)),
                "a suspended invoice extended is not terminated on the old date");
        assertEquals(List.of(), DunningSchedule.toTake(ISSUED, TERMINATED, extended, DUE.plusDays(8)));
        assertEquals(List.of(), DunningSchedule.toTake(ISSUED, TERMINATED, extended, extended.minusDays(3)),
                "nor reminded again");
    }
}
