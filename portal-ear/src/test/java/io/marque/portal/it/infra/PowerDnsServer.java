package io.marque.portal.it.infra;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real PowerDNS Authoritative server ({@code pdns_server} from Debian's {@code pdns-server} and
 * {@code pdns-backend-sqlite3}) for one test class: an empty SQLite database and its own configuration
 * in a temporary directory, DNS on a free UDP/TCP port and the HTTP API on a free port, both on
 * 127.0.0.1 only, in the foreground (no daemon, no guardian) so {@link #close()} stops it for sure.
 * Caches are off, so a DNS query sees an API change at once.
 *
 * <pre>{@code
 * try (PowerDnsServer pdns = PowerDnsServer.start()) {
 *     pdns.createZone("2.0.192.in-addr.arpa.");
 *     DnsProvider dns = new PowerDnsProvider(pdns.apiUrl(), pdns.apiKey(), "localhost", 300, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Only {@code java.*}, so it also runs inside the WildFly that Arquillian tests deploy to. The
 * schema is loaded with the {@code sqlite3} command, since the JDK has no SQLite driver.
 */
public final class PowerDnsServer implements AutoCloseable {

    private static final Path PDNS_SERVER = Path.of("/usr/sbin/pdns_server");
    private static final List<Path> SCHEMAS = List.of(
            Path.of("/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql"),
            Path.of("/usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql"));
    private static final String INSTALL = "apt-get install pdns-server pdns-backend-sqlite3 sqlite3";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final Process process;
    private final Thread killer;
    private final int dnsPort;
    private final int apiPort;
    private final String apiKey;
    /** The zones {@link #createZone} made, so a record's name finds the zone it belongs to. */
    private final List<String> zones = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PowerDnsServer(Path dir, int dnsPort, int apiPort, String apiKey) throws IOException {
        this.dir = dir;
        this.dnsPort = dnsPort;
        this.apiPort = apiPort;
        this.apiKey = apiKey;
        Files.writeString(dir.resolve("pdns.conf"), configuration());
        process = new ProcessBuilder(PDNS_SERVER.toString(), "--config-dir=" + dir)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("pdns.log").toFile())
                .start();
        // a test JVM that dies without close() must not leave the server running
        killer = new Thread(process::destroyForcibly, "pdns_server killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts a server with an empty database and returns once its API answers.
     *
     * @throws IOException when {@code pdns_server}, its SQLite backend or {@code sqlite3} is missing, or
     *                     the server did not come up (the message ends with its log)
     */
    public static PowerDnsServer start() throws IOException {
        if (!Files.isExecutable(PDNS_SERVER)) {
            throw new IOException(PDNS_SERVER + " is missing: " + INSTALL);
        }
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken before pdns binds it
            Path dir = Files.createTempDirectory("marque-pdns");
            try {
                createDatabase(dir.resolve("pdns.sqlite3"));
                PowerDnsServer server = new PowerDnsServer(dir, freeDnsPort(), freeTcpPort(), "it-" + UUID.randomUUID());
                try {
                    server.awaitApi();
                    return server;
                } catch (IOException e) {
                    server.close();
                    last = e;
                }
            } catch (IOException e) {
                LocalDaemons.deleteTree(dir);
                throw e;
            }
        }
        throw last;
    }

    /** The webserver's base address, e.g. {@code http://127.0.0.1:40123}, as {@code MARQUE_PDNS_URL} takes it. */
    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    /** The key the API wants in {@code X-API-Key}; a new one per server. */
    public String apiKey() {
        return apiKey;
    }

    /** The UDP and TCP port DNS queries go to, on 127.0.0.1. */
    public int dnsPort() {
        return dnsPort;
    }

    /**
     * Creates a Native zone with an SOA and one NS record, through the API, as a provider would set up
     * the reverse zone of a network.
     *
     * @param name absolute zone name with the final dot, e.g. {@code 2.0.192.in-addr.arpa.}
     */
    public void createZone(String name) throws IOException {
        if (!name.matches("[a-z0-9.-]+\\.")) {
            throw new IllegalArgumentException("Not an absolute lower-case zone name: " + name);
        }
        String soa = "ns1.marque.test. hostmaster.marque.test. 1 10800 3600 604800 300";
        String zone = "{\"name\":\"" + name + "\",\"kind\":\"Native\",\"nameservers\":[],\"rrsets\":["
                + "{\"name\":\"" + name + "\",\"type\":\"SOA\",\"ttl\":300,\"records\":[{\"content\":\"" + soa
                + "\",\"disabled\":false}]},"
                + "{\"name\":\"" + name + "\",\"type\":\"NS\",\"ttl\":300,\"records\":[{\"content\":\"ns1.marque.test.\","
                + "\"disabled\":false}]}]}";
        HttpResponse<String> response = api(HttpRequest.newBuilder(URI.create(apiUrl() + "/api/v1/servers/localhost/zones"))
                .POST(HttpRequest.BodyPublishers.ofString(zone)));
        if (response.statusCode() != 201) {
            throw new IOException("Creating zone " + name + ": HTTP " + response.statusCode() + " " + response.body());
        }
        zones.add(name);
    }

    /**
     * Sets the records of one name and type, replacing any there were (the API's rrset PATCH with
     * {@code changetype REPLACE}), in the narrowest zone {@link #createZone} made that holds the name.
     *
     * <pre>{@code
     * pdns.addRecord("m202611._domainkey.mail-test.example", "TXT", 300, key.dnsTxtPresentation());
     * pdns.addRecord("mail-test.example", "MX", 300, "10 mx1.mail-test.example.", "20 mx2.mail-test.example.");
     * }</pre>
     *
     * @param name     the owner name, with or without the final dot
     * @param contents one per record, in zone-file presentation as PowerDNS takes it: a TXT record is
     *                 one or more quoted strings ({@code "v=DKIM1; k=rsa; p=MIIB…" "…"}), each at most
     *                 255 bytes; names inside records end with a dot
     */
    public void addRecord(String name, String type, int ttl, String... contents) throws IOException {
        if (contents.length == 0) {
            throw new IllegalArgumentException("No record for " + name + ": use deleteRecord");
        }
        List<String> records = new ArrayList<>();
        for (String content : contents) {
            records.add("{\"content\":" + json(content) + ",\"disabled\":false}");
        }
        patch(name, "{\"name\":" + json(absolute(name)) + ",\"type\":" + json(type) + ",\"ttl\":" + ttl
                + ",\"changetype\":\"REPLACE\",\"records\":[" + String.join(",", records) + "]}");
    }

    /**
     * A TXT value as the API and zone files take it: quoted strings of at most 255 characters, as a
     * DNS provider's panel splits a long value (a DKIM key) that a reseller pastes whole.
     */
    public static String txt(String value) {
        StringBuilder quoted = new StringBuilder();
        for (int i = 0; i < value.length(); i += 255) {
            quoted.append(quoted.length() == 0 ? "" : " ").append('"')
                    .append(value, i, Math.min(value.length(), i + 255)).append('"');
        }
        return quoted.toString();
    }

    /** Removes every record of that name and type; removing what is not there is fine. */
    public void deleteRecord(String name, String type) throws IOException {
        patch(name, "{\"name\":" + json(absolute(name)) + ",\"type\":" + json(type) + ",\"changetype\":\"DELETE\"}");
    }

    private void patch(String name, String rrset) throws IOException {
        String owner = absolute(name);
        String zone = zones.stream().filter(z -> owner.equals(z) || owner.endsWith("." + z))
                .max(Comparator.comparingInt(String::length))
                .orElseThrow(() -> new IllegalArgumentException("No zone created here holds " + owner + ": " + zones));
        HttpResponse<String> response = api(HttpRequest.newBuilder(URI.create(apiUrl() + "/api/v1/servers/localhost/zones/" + zone))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"rrsets\":[" + rrset + "]}")));
        if (response.statusCode() != 204) {
            throw new IOException("Changing " + owner + " in zone " + zone + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    private static String absolute(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    /** A JSON string literal: quotes and backslashes escaped (TXT contents are full of quotes). */
    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Stops the server (TERM, then KILL after 5 s) and deletes its directory. */
    @Override
    public void close() {
        LocalDaemons.stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already; the hook runs anyway
        }
        LocalDaemons.deleteTree(dir);
    }

    private String configuration() {
        return String.join("\n",
                "launch=gsqlite3",
                "gsqlite3-database=" + dir.resolve("pdns.sqlite3"),
                "local-address=127.0.0.1",
                "local-port=" + dnsPort,
                "daemon=no",
                "guardian=no",
                "socket-dir=" + dir,
                "disable-syslog=yes",
                "security-poll-suffix=",
                "cache-ttl=0",
                "negquery-cache-ttl=0",
                "query-cache-ttl=0",
                "zone-cache-refresh-interval=0",
                "receiver-threads=1",
                "distributor-threads=1",
                "webserver=yes",
                "webserver-address=127.0.0.1",
                "webserver-port=" + apiPort,
                "webserver-allow-from=127.0.0.1",
                "api=yes",
                "api-key=" + apiKey,
                "");
    }

    private void awaitApi() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("pdns_server stopped at start (exit " + process.exitValue() + "):\n" + log());
            }
            try {
                HttpResponse<String> answer = api(HttpRequest.newBuilder(URI.create(apiUrl() + "/api/v1/servers/localhost")).GET());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            sleep(100);
        }
        throw new IOException("pdns_server's API did not answer within " + START_TIMEOUT + ":\n" + log());
    }

    private HttpResponse<String> api(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.header("X-API-Key", apiKey).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("pdns.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void createDatabase(Path database) throws IOException {
        Path schema = SCHEMAS.stream().filter(Files::isReadable).findFirst()
                .orElseThrow(() -> new IOException("The gsqlite3 schema is missing: " + INSTALL));
        Process sqlite;
        try {
            sqlite = new ProcessBuilder("sqlite3", database.toString())
                    .redirectInput(schema.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new IOException("sqlite3 is missing: " + INSTALL, e);
        }
        try {
            String output = new String(sqlite.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!sqlite.waitFor(30, TimeUnit.SECONDS) || sqlite.exitValue() != 0) {
                throw new IOException("sqlite3 could not load " + schema + ": " + output);
            }
        } catch (InterruptedException e) {
            sqlite.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A port free for both UDP and TCP on 127.0.0.1, as DNS listens on both. */
    private static int freeDnsPort() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
                try (ServerSocket tcp = new ServerSocket()) {
                    tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()));
                    return udp.getLocalPort();
                } catch (IOException takenForTcp) {
                    // try another
                }
            }
        }
        throw new IOException("No port free for both UDP and TCP");
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
