package io.marque.portal.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One dashboard table as CSV (RFC 4180): a header of fixed column names, then one record per row,
 * every line ended by CR LF, UTF-8 with a byte order mark so that a spreadsheet opened by double-click
 * reads Cyrillic names right.
 *
 * <p>The file is read by spreadsheets, which run a cell that starts like a formula. Text that starts with
 * {@code = + - @}, a tab or a carriage return (OWASP's list; {@link io.marque.portal.server.ServerCsv}
 * refuses the same first characters on import) is written with a leading apostrophe, which makes the
 * spreadsheet show it as text. Numbers are not text: a negative amount stays {@code -20.00}, so it can be
 * summed. A cell holding a comma, a quote or a line break is quoted, its quotes doubled.
 *
 * <pre>{@code
 * CsvTable table = new CsvTable(List.of("month", "currency", "revenue"));
 * table.row(YearMonth.of(2025, 1), "EUR", new BigDecimal("120.00"));
 * table.writeTo(writer);
 * }</pre>
 */
public final class CsvTable {

    /** Written first, so that spreadsheets take the file as UTF-8. */
    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final String FORMULA_START = "=+-@\t\r";
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\",\r\n]");
    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]*");

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param header the column names: lower case letters, digits and underscores, as in the server import */
    public CsvTable(List<String> header) {
        this.header = List.copyOf(header);
        if (this.header.isEmpty()) {
            throw new IllegalArgumentException("A table has at least one column");
        }
        for (String column : this.header) {
            if (!COLUMN.matcher(column).matches()) {
                throw new IllegalArgumentException("Not a column name: " + column);
            }
        }
    }

    /**
     * Adds a row: one value per column. A {@link Number} is written as a plain number (a {@link BigDecimal}
     * with its scale: {@code 12.50}), dates and months as ISO ({@code 2025-01-31}, {@code 2025-01}),
     * anything else as text; null is an empty cell.
     */
    public CsvTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell(cell));
        }
        rows.add(List.copyOf(row));
        return this;
    }

    public List<String> header() {
        return header;
    }

    /** The rows as they will be written, each cell already neutralised and quoted. */
    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** Writes the byte order mark, the header and the rows. */
    public void writeTo(Appendable out) throws IOException {
        out.append(BYTE_ORDER_MARK);
        line(out, header.stream().map(CsvTable::quoted).toList());
        for (List<String> row : rows) {
            line(out, row);
        }
    }

    /** The whole file as text, byte order mark first. */
    public String text() {
        StringBuilder text = new StringBuilder(64 * (rows.size() + 1));
        try {
            writeTo(text);
        } catch (IOException e) {
            // a StringBuilder does not fail
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void line(Appendable out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cells.get(i));
        }
        out.append("\r\n");
    }

    /** One value as it goes into the file. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof LocalDate || value instanceof YearMonth) {
            return value.toString();
        }
        if (value instanceof Number) {
            // a double has no exact decimal form: money and counts never come as one
            throw new IllegalArgumentException("Not an exact number: " + value.getClass().getName());
        }
        return quoted(neutralised(Objects.toString(value)));
    }

    /** Text a spreadsheet would run as a formula gets a leading apostrophe. */
    static String neutralised(String text) {
        return !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** RFC 4180: in quotes, inner quotes doubled, when the text holds a quote, a comma or a line break. */
    static String quoted(String text) {
        return NEEDS_QUOTES.matcher(text).find() ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
