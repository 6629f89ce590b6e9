package io.marque.portal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void theFileIsTheByteOrderMarkTheHeaderAndTheRowsEachEndedByCrLf() {
        CsvTable table = new CsvTable(List.of("month", "currency", "revenue"))
                .row(YearMonth.of(2025, 1), "EUR", new BigDecimal("120.50"))
                .row(YearMonth.of(2025, 2), "EUR", new BigDecimal("0.00"));

        assertEquals("\uFEFFmonth,currency,revenue\r\n2025-01,EUR,120.50\r\n2025-02,EUR,0.00\r\n", table.text());
    }

    @Test
    void textWithACommaAQuoteOrALineBreakIsQuotedWithItsQuotesDoubled() {
        assertEquals("\"Acme, Inc.\"", CsvTable.cell("Acme, Inc."));
        assertEquals("\"The \"\"best\"\" hosting\"", CsvTable.cell("The \"best\" hosting"));
        assertEquals("\"two\nlines\"", CsvTable.cell("two\nlines"));
        assertEquals("\"carriage\rreturn\"", CsvTable.cell("carriage\rreturn"));
        assertEquals("plain text", CsvTable.cell("plain text"));
        assertEquals("Ромашка", CsvTable.cell("Ромашка"));
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() {
        assertEquals("\"'=HYPERLINK(\"\"http://evil.test\"\")\"", CsvTable.cell("=HYPERLINK(\"http://evil.test\")"));
        assertEquals("'+1", CsvTable.cell("+1"));
        assertEquals("'-2+3", CsvTable.cell("-2+3"));
        assertEquals("'@SUM(A1)", CsvTable.cell("@SUM(A1)"));
        assertEquals("'\tTab", CsvTable.cell("\tTab"));
        assertEquals("\"'\rcmd\"", CsvTable.cell("\rcmd"));
        assertEquals("a=b", CsvTable.cell("a=b"));
    }

    @Test
    void aFormulaWithACommaIsNeutralisedAndQuoted() {
        assertEquals("\"'=1,2\"", CsvTable.cell("=1,2"));
    }

    @Test
    void numbersAreNotTextSoANegativeAmountStaysANumber() {
        assertEquals("-20.00", CsvTable.cell(new BigDecimal("-20.00")));
        assertEquals("'-20.00", CsvTable.cell("-20.00"));
        assertEquals("1000000", CsvTable.cell(new BigDecimal("1E+6")));
        assertEquals("42", CsvTable.cell(42L));
        assertEquals("7", CsvTable.cell(7));
    }

    @Test
    void datesAndMonthsAreIsoAndNothingIsAnEmptyCell() {
        assertEquals("2025-01-31", CsvTable.cell(LocalDate.of(2025, 1, 31)));
        assertEquals("2025-01", CsvTable.cell(YearMonth.of(2025, 1)));
        assertEquals("", CsvTable.cell(null));
        assertEquals("\uFEFFa,b\r\n,x\r\n", new CsvTable(List.of("a", "b")).row(null, "x").text());
    }

    @Test
    void aDoubleIsRefusedSinceItHasNoExactDecimalForm() {
        assertThrows(IllegalArgumentException.class, () -> CsvTable.cell(0.1));
    }

    @Test
    void aRowHasOneCellPerColumnAndColumnNamesAreIdentifiers() {
        CsvTable table = new CsvTable(List.of("a", "b"));

        assertThrows(IllegalArgumentException.class, () -> table.row("only one"));
        assertThrows(IllegalArgumentException.class, () -> new CsvTable(List.of("=cmd")));
        assertThrows(IllegalArgumentException.class, () -> new CsvTable(List.of()));
    }

    @Test
    void everyLineHasAsManyFieldsAsTheHeaderWhateverTheText() {
        String text = new CsvTable(List.of("name", "company"))
                .row("Carla \"CC\" Customer", "Co, \"Ltd\"\r\nline two").text();

        assertTrue(text.endsWith("\"Co, \"\"Ltd\"\"\r\nline two\"\r\n"), text);
        assertEquals(List.of("Carla \"CC\" Customer", "Co, \"Ltd\"\r\nline two"), parseRecord(text.substring(text.indexOf("\r\n") + 2)));
    }

    /** A strict RFC 4180 reader for one record, to read back what the writer wrote. */
    private static List<String> parseRecord(String line) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && line.startsWith("\r\n", i)) {
                break;
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
