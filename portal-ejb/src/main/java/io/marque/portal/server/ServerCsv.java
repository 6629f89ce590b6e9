package io.marque.portal.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the provider's server inventory from an uploaded CSV file into {@link NewServer}s, checking
 * every field of every line, so the provider hears of all mistakes at once and a file with any mistake
 * can be refused whole.
 *
 * <p>The file is UTF-8 (a byte order mark is allowed) with a header row naming the columns in any
 * order and any case; {@code hostname} and {@code ram_gb} are required, the others optional:
 * {@code cpu, ram_gb, disks, ipv4, ipv6, location, os, driver, rack, bmc_host, bmc_port, bmc_user,
 * bmc_password, upstream_id, monthly_cost, cost_currency}. Fields are separated by commas, or by
 * semicolons when the header row has no comma (as spreadsheets in many European locales save CSV).
 * Several addresses in one {@code ipv4} or {@code ipv6} cell are separated by spaces or semicolons.
 *
 * <p>Text cells that start with {@code = + - @} are refused, not stored: a spreadsheet opening a later
 * export would run them as formulas (CSV injection). Nothing here resolves a name or opens a connection.
 *
 * <pre>{@code
 * ServerCsv.Result result = ServerCsv.parse(upload.getInputStream());
 * if (result.errors().isEmpty()) {
 *     inventory.add(result.servers());
 * }
 * }</pre>
 */
public final class ServerCsv {

    /** The largest file accepted. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The most data rows accepted. */
    public static final int MAX_ROWS = 5_000;

    static final String DEFAULT_DRIVER = "simulated";
    static final int DEFAULT_BMC_PORT = 623;
    static final String DEFAULT_CURRENCY = "EUR";

    private static final List<String> COLUMNS = List.of("hostname", "cpu", "ram_gb", "disks", "ipv4", "ipv6",
            "location", "os", "driver", "rack", "bmc_host", "bmc_port", "bmc_user", "bmc_password", "upstream_id",
            "monthly_cost", "cost_currency");
    private static final List<String> REQUIRED_COLUMNS = List.of("hostname", "ram_gb");
    private static final Set<String> DRIVERS = Set.of("ipmi", "simulated");
    private static final Pattern ADDRESS_SEPARATOR = Pattern.compile("[\\s;]+");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,6}");
    private static final Pattern COST = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,2})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /**
     * What a file held.
     *
     * @param servers the lines without errors, in file order
     * @param errors  every problem found, by line; empty when the whole file is good
     */
    public record Result(List<NewServer> servers, List<LineError> errors) {

        public Result {
            servers = List.copyOf(servers);
            errors = List.copyOf(errors);
        }

        static Result failed(long line, String column, String messageKey) {
            return new Result(List.of(), List.of(new LineError(line, column, messageKey)));
        }
    }

    /**
     * One problem in the file.
     *
     * @param line       the line in the file, counting the header as 1; 0 for the file as a whole
     * @param column     the column's name as this class spells it, or {@code ""} for the whole line
     * @param messageKey a message-bundle key such as {@code server.import.invalid-ip}
     */
    public record LineError(long line, String column, String messageKey) {
    }

    private ServerCsv() {
    }

    /**
     * Reads and checks a whole upload; reads at most one byte more than {@link #MAX_BYTES}.
     *
     * @throws IOException if the stream cannot be read
     */
    public static Result parse(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return Result.failed(0, "", "server.import.too-large");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Result.failed(0, "", "server.import.encoding");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(text);
    }

    /** Reads and checks CSV text already decoded. */
    static Result parse(String text) {
        if (text.isBlank()) {
            return Result.failed(0, "", "server.import.empty");
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf(',') < 0 && firstLine.indexOf(';') >= 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        Lines lines = new Lines(text);
        List<NewServer> servers = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<String, Long> hostnames = new HashMap<>();
        Map<String, Long> addresses = new HashMap<>();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            long lastLine = 0;
            List<String> header = null;
            int rows = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // an unclosed quote, or text after a closing quote: where the next record starts
                    errors.add(new LineError(lastLine + 1, "", "server.import.malformed"));
                    return new Result(List.of(), errors);
                }
                long line = lines.lineAt(record.getCharacterPosition());
                lastLine = parser.getCurrentLineNumber();
                if (header == null) {
                    header = header(record, line, errors);
                    if (header == null) {
                        return new Result(List.of(), errors);
                    }
                    continue;
                }
                if (record.stream().allMatch(String::isBlank)) {
                    continue; // spreadsheets leave rows of empty cells behind
                }
                if (++rows > MAX_ROWS) {
                    return Result.failed(line, "", "server.import.too-many-rows");
                }
                if (record.size() != header.size()) {
                    errors.add(new LineError(line, "", "server.import.column-count"));
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), record.get(i));
                }
                Row row = new Row(line, cells);
                NewServer server = row.server(hostnames, addresses);
                if (row.errors.isEmpty()) {
                    servers.add(server);
                }
                errors.addAll(row.errors);
            }
            if (header != null && rows == 0) {
                errors.add(new LineError(0, "", "server.import.no-rows"));
            }
        } catch (IOException e) {
            // a StringReader does not fail
            throw new UncheckedIOException(e);
        }
        return new Result(servers, errors);
    }

    /** The header's column names in lower case, or null after adding why it cannot be used. */
    private static List<String> header(CSVRecord record, long line, List<LineError> errors) {
        List<String> names = record.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        if (names.stream().noneMatch(COLUMNS::contains)) {
            errors.add(new LineError(line, "", "server.import.no-header"));
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!COLUMNS.contains(name)) {
                errors.add(new LineError(line, name, "server.import.unknown-column"));
            } else if (!seen.add(name)) {
                errors.add(new LineError(line, name, "server.import.duplicate-column"));
            }
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!names.contains(required)) {
                errors.add(new LineError(line, required, "server.import.missing-column"));
            }
        }
        return errors.isEmpty() ? names : null;
    }

    /** The checks of one data row; every problem goes to {@link #errors}, one per column. */
    private static final class Row {

        private final long line;
        private final Map<String, String> cells;
        private final List<LineError> errors = new ArrayList<>();

        Row(long line, Map<String, String> cells) {
            this.line = line;
            this.cells = cells;
        }

        NewServer server(Map<String, Long> hostnames, Map<String, Long> addresses) {
            String hostname = hostname();
            if (hostname != null && hostnames.putIfAbsent(hostname, line) != null) {
                error("hostname", "server.import.duplicate-hostname");
            }
            String cpu = text("cpu", 200);
            int ramGb = ramGb();
            String disks = text("disks", 200);
            List<String> ipv4 = addresses("ipv4", IpLiteral::ipv4, IpLiteral::ipv6, addresses);
            List<String> ipv6 = addresses("ipv6", IpLiteral::ipv6, IpLiteral::ipv4, addresses);
            String location = text("location", 200);
            String os = text("os", 200);
            String driver = driver();
            boolean ipmi = "ipmi".equals(driver);
            String rack = text("rack", 100);
            String bmcHost = bmcHost(ipmi);
            int bmcPort = bmcPort();
            String bmcUser = credential("bmc_user", 100, ipmi, false);
            String bmcPassword = credential("bmc_password", 200, ipmi, true);
            String upstreamId = text("upstream_id", 100);
            String currency = currency();
            BigDecimal monthlyCost = cost(currency);
            return new NewServer(hostname, cpu, ramGb, disks, ipv4, ipv6, location, os, driver, rack, bmcHost,
                    bmcPort, bmcUser, bmcPassword, upstreamId, monthlyCost, currency);
        }

        private String cell(String column) {
            return cells.getOrDefault(column, "").strip();
        }

        private void error(String column, String key) {
            errors.add(new LineError(line, column, key));
        }

        private String hostname() {
            String value = cell("hostname");
            if (value.isEmpty()) {
                error("hostname", "server.import.required");
                return null;
            }
            if (value.length() > HostName.MAX_LENGTH) {
                error("hostname", "server.import.too-long");
                return null;
            }
            Optional<String> name = HostName.parse(value);
            if (name.isEmpty()) {
                error("hostname", "server.import.invalid-hostname");
            }
            return name.orElse(null);
        }

        /** Optional single-line free text; null when blank. */
        private String text(String column, int max) {
            String value = cell(column);
            if (value.isEmpty()) {
                return null;
            }
            if (value.length() > max) {
                error(column, "server.import.too-long");
            } else if (!printable(value)) {
                error(column, "server.import.invalid-text");
            } else if (formula(value)) {
                error(column, "server.import.formula");
            }
            return value;
        }

        private int ramGb() {
            String value = cell("ram_gb");
            if (value.isEmpty()) {
                error("ram_gb", "server.import.required");
                return 0;
            }
            int ram = WHOLE_NUMBER.matcher(value).matches() ? Integer.parseInt(value) : 0;
            if (ram < 1 || ram > 65_536) {
                error("ram_gb", "server.import.invalid-ram");
            }
            return ram;
        }

        /**
         * The addresses of one family, canonical; an address of the other family gets its own message
         * because putting IPv6 under ipv4 is the likelier mistake than a typo.
         */
        private List<String> addresses(String column, Function<String, Optional<String>> family,
                Function<String, Optional<String>> otherFamily, Map<String, Long> seen) {
            String value = cell(column);
            if (value.isEmpty()) {
                return List.of();
            }
            List<String> found = new ArrayList<>();
            for (String text : ADDRESS_SEPARATOR.split(value)) {
                if (text.isEmpty()) {
                    continue;
                }
                Optional<String> address = family.apply(text);
                if (address.isEmpty()) {
                    error(column, otherFamily.apply(text).isPresent() ? "server.import.wrong-ip-family"
                            : "server.import.invalid-ip");
                    return List.of();
                }
                if (found.contains(address.get()) || seen.containsKey(address.get())) {
                    error(column, "server.import.duplicate-ip");
                    return List.of();
                }
                found.add(address.get());
            }
            found.forEach(address -> seen.put(address, line));
            return List.copyOf(found);
        }

        private String driver() {
            String value = cell("driver").toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                return DEFAULT_DRIVER;
            }
            if (!DRIVERS.contains(value)) {
                error("driver", "server.import.invalid-driver");
            }
            return value;
        }

        private String bmcHost(boolean required) {
            String value = cell("bmc_host");
            if (value.isEmpty()) {
                if (required) {
                    error("bmc_host", "server.import.required");
                }
                return null;
            }
            Optional<String> host = IpLiteral.ipv4(value).or(() -> IpLiteral.ipv6(value))
                    .or(() -> HostName.parse(value));
            if (host.isEmpty()) {
                error("bmc_host", "server.import.invalid-bmc-host");
            }
            return host.orElse(null);
        }

        private int bmcPort() {
            String value = cell("bmc_port");
            if (value.isEmpty()) {
                return DEFAULT_BMC_PORT;
            }
            int port = WHOLE_NUMBER.matcher(value).matches() ? Integer.parseInt(value) : 0;
            if (port < 1 || port > 65_535) {
                error("bmc_port", "server.import.invalid-port");
            }
            return port;
        }

        /**
         * A BMC user name or password, required for IPMI. A user name is trimmed and may not look like a
         * formula; a password is kept exactly as given, since it may begin with a space or an equals sign
         * and still be right (and is never exported).
         */
        private String credential(String column, int max, boolean required, boolean password) {
            String value = password ? cells.getOrDefault(column, "") : cell(column);
            if (value.isEmpty()) {
                if (required) {
                    error(column, "server.import.required");
                }
                return null;
            }
            if (value.length() > max) {
                error(column, "server.import.too-long");
            } else if (!printable(value)) {
                error(column, "server.import.invalid-text");
            } else if (!password && formula(value)) {
                error(column, "server.import.formula");
            }
            return value;
        }

        private String currency() {
            String value = cell("cost_currency").toUpperCase(Locale.ROOT);
            if (value.isEmpty()) {
                return DEFAULT_CURRENCY;
            }
            if (!CURRENCY.matcher(value).matches() || fractionDigits(value) < 0) {
                error("cost_currency", "server.import.invalid-currency");
                return null;
            }
            return value;
        }

        /** Exact, with as many decimals as the currency has (but at most 2); null when blank. */
        private BigDecimal cost(String currency) {
            String value = cell("monthly_cost");
            if (value.isEmpty()) {
                return null;
            }
            if (!COST.matcher(value).matches()) {
                error("monthly_cost", "server.import.invalid-cost");
                return null;
            }
            BigDecimal cost = new BigDecimal(value);
            if (currency == null) {
                return cost;
            }
            int scale = Math.min(2, fractionDigits(currency));
            if (cost.scale() > scale) {
                error("monthly_cost", "server.import.invalid-cost");
                return null;
            }
            return cost.setScale(scale);
        }

        /** The currency's minor units; -1 for codes that are not ISO 4217 money (gold, test codes). */
        private static int fractionDigits(String code) {
            try {
                return Currency.getInstance(code).getDefaultFractionDigits();
            } catch (IllegalArgumentException e) {
                return -1;
            }
        }

        /** Whether a spreadsheet would take the cell for a formula. */
        private static boolean formula(String value) {
            return "=+-@".indexOf(value.charAt(0)) >= 0;
        }

        /** No control characters and no bidirectional overrides, which could make a name read backwards. */
        private static boolean printable(String value) {
            return value.chars().noneMatch(c -> c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
        }
    }

    /** Finds the line a character position is on, counting CR LF, LF and CR as line ends. */
    private static final class Lines {

        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            List<Integer> starts = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
            this.starts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * The 1-based line a record starts on. The parser counts skipped empty lines into the record's
         * position, so line ends right at the position are stepped over first.
         */
        long lineAt(long position) {
            int at = (int) position;
            while (at < text.length() && (text.charAt(at) == '\r' || text.charAt(at) == '\n')) {
                at++;
            }
            int index = Arrays.binarySearch(starts, at);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
