package io.marque.portal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchiveNamesTest {

    @Test
    void aNameLosesItsPathSoNothingIsWrittenOutsideItsFolder() {
        assertEquals("passwd", ArchiveNames.sanitise("../../etc/passwd"));
        assertEquals("boot.ini", ArchiveNames.sanitise("C:\\windows\\..\\boot.ini"));
        assertEquals("hidden", ArchiveNames.sanitise(".hidden"));
        assertEquals("a.b", ArchiveNames.sanitise("a..b"));
    }

    @Test
    void unsafeCharactersBecomeOneUnderscoreLettersOfAnyScriptStay() {
        assertEquals("my_report_1.pdf", ArchiveNames.sanitise("my report (1).pdf"));
        assertEquals("отчёт.pdf", ArchiveNames.sanitise("отчёт.pdf"));
        assertEquals("a_b.txt", ArchiveNames.sanitise("a<>:\"|?*b.txt"));
    }

    @Test
    void emptyAndReservedNamesGetAName() {
        assertEquals("file", ArchiveNames.sanitise(null));
        assertEquals("file", ArchiveNames.sanitise("   "));
        assertEquals("file", ArchiveNames.sanitise("../"));
        assertEquals("_NUL.txt", ArchiveNames.sanitise("NUL.txt"));
        assertEquals("_con", ArchiveNames.sanitise("con"));
    }

    @Test
    void aLongNameIsClippedWithItsExtension() {
        String name = ArchiveNames.sanitise("x".repeat(300) + ".log");
        assertEquals(ArchiveNames.MAX, name.length());
        assertTrue(name.endsWith(".log"));
    }

    @Test
    void twoFilesOfOneNameInOneFolderBothArrive() {
        Set<String> taken = new HashSet<>();
        assertEquals("attachments/7/report.pdf", ArchiveNames.entry("attachments/7", "report.pdf", taken));
        assertEquals("attachments/7/report-2.pdf", ArchiveNames.entry("attachments/7", "Report.PDF".toLowerCase(), taken));
        assertEquals("attachments/7/report-3.pdf", ArchiveNames.entry("attachments/7", "../report.pdf", taken));
        assertEquals("attachments/8/report.pdf", ArchiveNames.entry("attachments/8", "report.pdf", taken));
    }

    @Test
    void theArchiveNameNamesOnlyTheCustomerNumberAndTheDay() {
        String name = ArchiveNames.archive(4711, LocalDate.of(2026, 3, 9));
        assertEquals("customer-4711-2026-03-09.zip", name);
        assertFalse(name.contains("/"));
    }
}
