package io.marque.portal.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.marque.portal.report.ProviderTable;
import io.marque.portal.report.ResellerTable;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportCsvServletTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 15);

    @Test
    void theFileIsNamedAfterTheTableAndTheDayAndNothingElse() {
        assertEquals("attachment; filename=\"revenue-by-month-2025-03-15.csv\"",
                ReportCsvServlet.disposition(ResellerTable.REVENUE.slug(), DAY));
        assertEquals("attachment; filename=\"wholesale-payments-2025-03-15.csv\"",
                ReportCsvServlet.disposition(ProviderTable.PAYMENTS.slug(), DAY));
    }

    @Test
    void everyTablesFileNameIsPlainAscii() {
        for (ResellerTable table : ResellerTable.values()) {
            assertEquals(true, ReportCsvServlet.disposition(table.slug(), DAY).matches("attachment; filename=\"[a-z0-9-]+\\.csv\""));
        }
        for (ProviderTable table : ProviderTable.values()) {
            assertEquals(true, ReportCsvServlet.disposition(table.slug(), DAY).matches("attachment; filename=\"[a-z0-9-]+\\.csv\""));
        }
    }

    @Test
    void anythingButATablesSlugIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReportCsvServlet.disposition("x\"; filename=evil.exe", DAY));
        assertThrows(IllegalArgumentException.class, () -> ReportCsvServlet.disposition("../../etc", DAY));
    }
}
