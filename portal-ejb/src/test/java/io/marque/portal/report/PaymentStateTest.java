package io.marque.portal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.marque.portal.billing.invoice.InvoiceStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PaymentStateTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 15);

    @Test
    void anInvoiceDueTodayIsDueAndOverdueTheDayAfter() {
        assertEquals(PaymentState.DUE, PaymentState.of(InvoiceStatus.ISSUED, TODAY, null, TODAY));
        assertEquals(PaymentState.DUE, PaymentState.of(InvoiceStatus.ISSUED, TODAY.plusDays(1), null, TODAY));
        assertEquals(PaymentState.OVERDUE, PaymentState.of(InvoiceStatus.ISSUED, TODAY.minusDays(1), null, TODAY));
    }

    @Test
    void anExtensionMovesTheDueDateLater() {
        LocalDate passed = TODAY.minusDays(10);

        assertEquals(PaymentState.DUE, PaymentState.of(InvoiceStatus.ISSUED, passed, TODAY, TODAY));
        assertEquals(PaymentState.OVERDUE, PaymentState.of(InvoiceStatus.ISSUED, passed, TODAY.minusDays(1), TODAY));
    }

    @Test
    void anExtensionToBeforeTheDueDateChangesNothing() {
        assertEquals(PaymentState.DUE, PaymentState.of(InvoiceStatus.ISSUED, TODAY, TODAY.minusDays(5), TODAY));
    }

    @Test
    void aPaidInvoiceIsPaidWhateverItsDueDateAndAVoidOneIsNowhere() {
        assertEquals(PaymentState.PAID, PaymentState.of(InvoiceStatus.PAID, TODAY.minusDays(30), null, TODAY));
        assertNull(PaymentState.of(InvoiceStatus.VOID, TODAY.minusDays(30), null, TODAY));
    }
}
