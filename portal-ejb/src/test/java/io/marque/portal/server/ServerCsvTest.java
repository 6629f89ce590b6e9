package io.marque.portal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.server.ServerCsv.LineError;
import io.marque.portal.server.ServerCsv.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerCsvTest {

    private static final String FULL_HEADER = "hostname,cpu,ram_gb,disks,ipv4,ipv6,location,os,driver,rack,bmc_host,"
            + "bmc_port,bmc_user,bmc_password,upstream_id,monthly_cost,cost_currency\n";

    private static Result parse(String csv) throws IOException {
        return parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static Result parse(byte[] csv) throws IOException {
        return ServerCsv.parse(new ByteArrayInputStream(csv));
    }

    /** A file of one server with the given cells beside a valid hostname and ram_gb. */
    private static Result row(String columns, String cells) throws IOException {
        return parse("hostname,ram_gb," + columns + "\nweb01.example.com,64," + cells + "\n");
    }

    private static NewServer only(Result result) {
        assertEquals(List.of(), result.errors());
        assertEquals(1, result.servers().size());
        return result.servers().get(0);
    }

    private static void assertError(Result result, long line, String column, String key) {
        assertTrue(result.errors().contains(new LineError(line, column, key)),
                "expected " + new LineError(line, column, key) + " in " + result.errors());
    }

    private static void assertOnlyError(Result result, long line, String column, String key) {
        assertEquals(List.of(new LineError(line, column, key)), result.errors());
        assertEquals(List.of(), result.servers());
    }

    @Test
    void everyColumnIsRead() throws IOException {
        NewServer server = only(parse(FULL_HEADER
                + "Web01.Example.com,\"Intel Xeon E-2388G, 8 cores\",64,2 × 960 GB NVMe,192.0.2.10 192.0.2.11,"
                + "2001:DB8:0:0:0:0:0:1;2001:db8::2,Frankfurt,Debian 12,IPMI,R12/U7,10.20.0.7,6230,ADMIN,s3cr=t ,"
                + "HZ-48213,49.9,usd\n"));
        assertEquals(new NewServer("web01.example.com", "Intel Xeon E-2388G, 8 cores", 64, "2 × 960 GB NVMe",
                List.of("192.0.2.10", "192.0.2.11"), List.of("2001:db8::1", "2001:db8::2"), "Frankfurt", "Debian 12",
                "ipmi", "R12/U7", "10.20.0.7", 6230, "ADMIN", "s3cr=t ", "HZ-48213", new BigDecimal("49.90"), "USD"),
                server);
    }

    @Test
    void optionalColumnsHaveDefaults() throws IOException {
        NewServer server = only(parse("hostname,ram_gb\nweb01.example.com,64\n"));
        assertEquals(new NewServer("web01.example.com", null, 64, null, List.of(), List.of(), null, null, "simulated",
                null, null, 623, null, null, null, null, "EUR"), server);
        assertEquals(server, only(row("cpu,driver,bmc_port,monthly_cost,cost_currency", ",,,,")), "blank is absent");
    }

    @Test
    void columnsMayComeInAnyOrderAndCase() throws IOException {
        Result ordered = parse("hostname,ram_gb,ipv4,location\nweb01.example.com,64,192.0.2.1,Paris\n");
        Result shuffled = parse(" Location ,IPv4,RAM_GB,HostName\r\nParis,192.0.2.1,64,web01.example.com\r\n");
        assertEquals(only(ordered), only(shuffled));
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        byte[] text = "hostname,ram_gb\nweb01.example.com,64\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertEquals("web01.example.com", only(parse(withBom)).hostname());
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndSemicolons() throws IOException {
        NewServer server = only(row("cpu,disks,ipv6,location",
                "\"AMD EPYC 9354P, 32 cores\",\"2 × 3.84 TB \"\"U.2\"\" NVMe\",\"2001:db8::1; 2001:db8::2\",\"Paris, FR\""));
        assertEquals("AMD EPYC 9354P, 32 cores", server.cpu());
        assertEquals("2 × 3.84 TB \"U.2\" NVMe", server.disks());
        assertEquals(List.of("2001:db8::1", "2001:db8::2"), server.ipv6());
        assertEquals("Paris, FR", server.location());
    }

    @Test
    void semicolonsSeparateFieldsWhenTheHeaderHasNoComma() throws IOException {
        NewServer server = only(parse("hostname;ram_gb;monthly_cost;cpu\nweb01.example.com;64;12.50;\"Xeon; 4 cores\"\n"));
        assertEquals(new BigDecimal("12.50"), server.monthlyCost());
        assertEquals("Xeon; 4 cores", server.cpu());
    }

    @Test
    void hostnameAndRamAreRequired() throws IOException {
        Result result = parse("hostname,ram_gb,cpu\n,\"\",Xeon\n web02.example.com ,8,\n");
        assertError(result, 2, "hostname", "server.import.required");
        assertError(result, 2, "ram_gb", "server.import.required");
        assertEquals(2, result.errors().size());
        assertEquals("web02.example.com", result.servers().get(0).hostname(), "surrounding spaces are trimmed");
    }

    @Test
    void hostnamesMustBeHostNames() throws IOException {
        for (String bad : new String[] {"-web.example.com", "web_01.example.com", "a..b", "müller.de", "10.0.0.256",
                "web01.example.com.", "=cmd|' /C calc'!A0"}) {
            assertOnlyError(parse("hostname,ram_gb\n\"" + bad + "\",8\n"), 2, "hostname", "server.import.invalid-hostname");
        }
        assertOnlyError(parse("hostname,ram_gb\n" + "a".repeat(250) + ".com,8\n"), 2, "hostname", "server.import.too-long");
    }

    @Test
    void ramIsAWholeNumberOfGigabytesUpTo64Tebibytes() throws IOException {
        for (String bad : new String[] {"0", "65537", "1.5", "-1", "abc", "64 GB", "1000000000000"}) {
            assertOnlyError(parse("hostname,ram_gb\nweb01.example.com," + bad + "\n"), 2, "ram_gb",
                    "server.import.invalid-ram");
        }
        assertEquals(65_536, only(parse("hostname,ram_gb\nweb01.example.com,65536\n")).ramGb());
        assertEquals(1, only(parse("hostname,ram_gb\nweb01.example.com,1\n")).ramGb());
    }

    @Test
    void addressesAreStrictLiteralsOfTheirColumnsFamily() throws IOException {
        assertEquals(List.of("192.0.2.1", "192.0.2.2", "192.0.2.3"),
                only(row("ipv4", "\" 192.0.2.1  192.0.2.2;192.0.2.3 ;\"")).ipv4());
        for (String bad : new String[] {"010.0.0.1", "192.0.2", "256.0.0.1", "localhost", "example.com", "192.0.2.1/24",
                "\"192.0.2.1,192.0.2.2\""}) {
            assertOnlyError(row("ipv4", bad), 2, "ipv4", "server.import.invalid-ip");
        }
        assertOnlyError(row("ipv4", "2001:db8::1"), 2, "ipv4", "server.import.wrong-ip-family");
        for (String bad : new String[] {"2001:db8::g", "fe80::1%eth0", "[2001:db8::1]", "localhost", "2001:db8::/32"}) {
            assertOnlyError(row("ipv6", bad), 2, "ipv6", "server.import.invalid-ip");
        }
        assertOnlyError(row("ipv6", "192.0.2.1"), 2, "ipv6", "server.import.wrong-ip-family");
    }

    @Test
    void hostnamesAndAddressesAreUniqueInTheFileTheLaterLineIsWrong() throws IOException {
        Result result = parse("hostname,ram_gb,ipv4,ipv6\n"
                + "web01.example.com,8,192.0.2.1,2001:db8::1\n"
                + "WEB01.example.com,8,192.0.2.2,\n"
                + "web03.example.com,8,192.0.2.1,\n"
                + "web04.example.com,8,,2001:0DB8:0::1\n"
                + "web05.example.com,8,192.0.2.5 192.0.2.5,\n");
        assertEquals(List.of(new LineError(3, "hostname", "server.import.duplicate-hostname"),
                new LineError(4, "ipv4", "server.import.duplicate-ip"),
                new LineError(5, "ipv6", "server.import.duplicate-ip"),
                new LineError(6, "ipv4", "server.import.duplicate-ip")), result.errors());
        assertEquals(List.of("web01.example.com"), result.servers().stream().map(NewServer::hostname).toList());
    }

    @Test
    void theDriverIsIpmiOrSimulated() throws IOException {
        assertEquals("simulated", only(row("driver", "Simulated")).driver());
        assertOnlyError(row("driver", "redfish"), 2, "driver", "server.import.invalid-driver");
    }

    @Test
    void ipmiNeedsAReachableBmcWithCredentials() throws IOException {
        Result result = row("driver,bmc_host,bmc_user,bmc_password", "ipmi,,,");
        assertEquals(List.of(new LineError(2, "bmc_host", "server.import.required"),
                new LineError(2, "bmc_user", "server.import.required"),
                new LineError(2, "bmc_password", "server.import.required")), result.errors());

        assertEquals("bmc01.mgmt.example.net",
                only(row("driver,bmc_host,bmc_user,bmc_password", "ipmi,BMC01.mgmt.example.net,admin,x")).bmcHost());
        assertEquals("fd00::7", only(row("driver,bmc_host,bmc_user,bmc_password", "ipmi,FD00:0::7,admin,x")).bmcHost());
        for (String bad : new String[] {"10.0.0.300", "bmc_01.local", "http://10.0.0.1", "10.0.0.1:623"}) {
            assertOnlyError(row("driver,bmc_host,bmc_user,bmc_password", "ipmi," + bad + ",admin,x"), 2, "bmc_host",
                    "server.import.invalid-bmc-host");
        }
        NewServer simulated = only(row("bmc_host,bmc_user", "10.0.0.9,admin"));
        assertEquals("10.0.0.9", simulated.bmcHost(), "kept for a later switch to ipmi");
    }

    @Test
    void theBmcPortIsATcpPort() throws IOException {
        assertEquals(1, only(row("bmc_port", "1")).bmcPort());
        assertEquals(65_535, only(row("bmc_port", "65535")).bmcPort());
        for (String bad : new String[] {"0", "65536", "abc", "-1", "623.0"}) {
            assertOnlyError(row("bmc_port", bad), 2, "bmc_port", "server.import.invalid-port");
        }
    }

    @Test
    void textsHaveTheirLengthLimits() throws IOException {
        assertEquals(200, only(row("cpu,disks,location,os", String.join(",", List.of("c".repeat(200), "d".repeat(200),
                "l".repeat(200), "o".repeat(200))))).os().length());
        for (String column : new String[] {"cpu", "disks", "location", "os"}) {
            assertOnlyError(row(column, "x".repeat(201)), 2, column, "server.import.too-long");
        }
        assertEquals(100, only(row("rack,upstream_id", "r".repeat(100) + "," + "u".repeat(100))).rack().length());
        for (String column : new String[] {"rack", "upstream_id", "bmc_user"}) {
            assertOnlyError(row(column, "x".repeat(101)), 2, column, "server.import.too-long");
        }
        assertOnlyError(row("bmc_password", "x".repeat(201)), 2, "bmc_password", "server.import.too-long");
    }

    @Test
    void textsAreSingleLineWithoutControlOrBidiCharacters() throws IOException {
        assertOnlyError(row("cpu", "\"Xeon\nE-2388G\""), 2, "cpu", "server.import.invalid-text");
        assertOnlyError(row("location", "Paris\u0007"), 2, "location", "server.import.invalid-text");
        assertOnlyError(row("os", "Debian\u202E21"), 2, "os", "server.import.invalid-text");
        assertEquals("Zürich – Rechenzentrum 東京", only(row("location", "Zürich – Rechenzentrum 東京")).location());
    }

    @Test
    void formulasInTextCellsAreRefusedNotStored() throws IOException {
        String[][] cases = {
                {"cpu", "\"=cmd|' /C calc'!A0\""},
                {"disks", "+1+1"},
                {"location", "-2+3"},
                {"os", "@SUM(1+1)*cmd|' /C calc'!A0"},
                {"rack", "\" =HYPERLINK(\"\"http://evil\"\")\""},
                {"upstream_id", "=1"},
                {"bmc_user", "=admin"},
        };
        for (String[] c : cases) {
            assertOnlyError(row(c[0], c[1]), 2, c[0], "server.import.formula");
        }
        assertEquals("=s3cret+-@", only(row("bmc_password", "=s3cret+-@")).bmcPassword(),
                "a password is a secret, not text, and never exported");
        assertEquals("Intel Xeon E-2388G", only(row("cpu", "Intel Xeon E-2388G")).cpu(), "a hyphen inside is fine");
    }

    @Test
    void theCostIsExactMoneyInAnIsoCurrency() throws IOException {
        assertEquals(new BigDecimal("49.90"), only(row("monthly_cost", "49.9")).monthlyCost());
        assertEquals(new BigDecimal("100.00"), only(row("monthly_cost", "100")).monthlyCost());
        assertEquals(new BigDecimal("0.00"), only(row("monthly_cost", "0")).monthlyCost());
        for (String bad : new String[] {"49.999", "-1", "\"1,5\"", "1e3", "€49", "49.", ".5", "1234567890"}) {
            assertOnlyError(row("monthly_cost", bad), 2, "monthly_cost", "server.import.invalid-cost");
        }
        NewServer yen = only(row("monthly_cost,cost_currency", "12000,jpy"));
        assertEquals(new BigDecimal("12000"), yen.monthlyCost());
        assertEquals("JPY", yen.costCurrency());
        assertOnlyError(row("monthly_cost,cost_currency", "10.5,JPY"), 2, "monthly_cost", "server.import.invalid-cost");
        for (String bad : new String[] {"XYZ", "EURO", "€", "XAU", "E1R"}) {
            assertOnlyError(row("monthly_cost,cost_currency", "1," + bad), 2, "cost_currency",
                    "server.import.invalid-currency");
        }
    }

    @Test
    void theHeaderMustNameKnownColumnsOnce() throws IOException {
        Result result = parse("hostname,ram,hostname\nweb01.example.com,8,web02.example.com\n");
        assertEquals(List.of(new LineError(1, "ram", "server.import.unknown-column"),
                new LineError(1, "hostname", "server.import.duplicate-column"),
                new LineError(1, "ram_gb", "server.import.missing-column")), result.errors());
        assertEquals(List.of(), result.servers());
        assertOnlyError(parse("web01.example.com,8\nweb02.example.com,8\n"), 1, "", "server.import.no-header");
    }

    @Test
    void emptyFilesAndHeadersWithoutRowsSaySo() throws IOException {
        assertOnlyError(parse(""), 0, "", "server.import.empty");
        assertOnlyError(parse("\uFEFF \r\n"), 0, "", "server.import.empty");
        assertOnlyError(parse("hostname,ram_gb\n"), 0, "", "server.import.no-rows");
        assertOnlyError(parse("hostname,ram_gb\n,\n\n"), 0, "", "server.import.no-rows");
    }

    @Test
    void everyRowHasEveryColumn() throws IOException {
        Result result = parse("hostname,ram_gb,cpu\nweb01.example.com,8\nweb02.example.com,8,Xeon,extra\n"
                + "web03.example.com,8,Xeon\n");
        assertEquals(List.of(new LineError(2, "", "server.import.column-count"),
                new LineError(3, "", "server.import.column-count")), result.errors());
        assertEquals(1, result.servers().size());
    }

    @Test
    void anUnclosedQuoteStopsTheFile() throws IOException {
        Result result = parse("hostname,ram_gb,cpu\nweb01.example.com,8,Xeon\nweb02.example.com,8,\"Xeon\n");
        assertEquals(List.of(new LineError(3, "", "server.import.malformed")), result.errors());
        assertEquals(List.of(), result.servers());
    }

    @Test
    void linesAreCountedAsAnEditorShowsThem() throws IOException {
        Result result = parse("hostname,ram_gb,cpu\r\n\r\nweb01.example.com,8,\"two\r\nlines\"\r\n\r\n"
                + "web02.example.com,0,Xeon\r\nweb03.example.com,8,Xeon\r\n,,\r\nweb04.example.com,x,Xeon\r\n");
        assertEquals(List.of(new LineError(3, "cpu", "server.import.invalid-text"),
                new LineError(6, "ram_gb", "server.import.invalid-ram"),
                new LineError(9, "ram_gb", "server.import.invalid-ram")), result.errors());
    }

    @Test
    void theFileMustBeUtf8() throws IOException {
        byte[] latin1 = "hostname,ram_gb,location\nweb01.example.com,8,Zürich\n".getBytes(StandardCharsets.ISO_8859_1);
        assertOnlyError(parse(latin1), 0, "", "server.import.encoding");
    }

    @Test
    void filesAreLimitedInSize() throws IOException {
        StringBuilder big = new StringBuilder("hostname,ram_gb,cpu\n");
        while (big.length() <= ServerCsv.MAX_BYTES) {
            big.append("web01.example.com,8,").append("x".repeat(150)).append('\n');
        }
        assertOnlyError(parse(big.toString()), 0, "", "server.import.too-large");
    }

    @Test
    void filesAreLimitedInRows() throws IOException {
        StringBuilder rows = new StringBuilder("hostname,ram_gb\n");
        for (int i = 1; i <= ServerCsv.MAX_ROWS; i++) {
            rows.append("web").append(i).append(".example.com,8\n");
        }
        assertEquals(ServerCsv.MAX_ROWS, parse(rows.toString()).servers().size());
        rows.append("one-too-many.example.com,8\n");
        assertOnlyError(parse(rows.toString()), ServerCsv.MAX_ROWS + 2, "", "server.import.too-many-rows");
    }

    @Test
    void goodRowsAreReturnedBesideTheErrorsOfBadOnes() throws IOException {
        Result result = parse("hostname,ram_gb\nweb01.example.com,8\nweb_02,8\nweb03.example.com,16\n");
        assertEquals(List.of("web01.example.com", "web03.example.com"),
                result.servers().stream().map(NewServer::hostname).toList());
        assertEquals(List.of(new LineError(3, "hostname", "server.import.invalid-hostname")), result.errors());
        assertNull(result.servers().get(0).monthlyCost());
    }
}
