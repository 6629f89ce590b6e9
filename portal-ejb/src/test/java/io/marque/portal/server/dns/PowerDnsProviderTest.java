package io.marque.portal.server.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's choices and failures against a scripted stand-in for the API; {@code PowerDnsIT} in
 * portal-ear runs it against a real PowerDNS.
 */
class PowerDnsProviderTest {

    private static final String KEY = "s3cret-key";
    private static final String ZONES = "[{\"name\":\"12.0.192.in-addr.arpa.\",\"id\":\"12.0.192.in-addr.arpa.\"},"
            + "{\"name\":\"2.0.192.IN-ADDR.arpa.\",\"id\":\"2.0.192.in-addr.arpa.\"},"
            + "{\"name\":\"0/26.2.0.192.in-addr.arpa.\",\"id\":\"0=2F26.2.0.192.in-addr.arpa.\"},"
            + "{\"name\":\"192.in-addr.arpa.\",\"id\":\"192.in-addr.arpa.\"},"
            + "{\"name\":\"example.com.\",\"id\":\"example.com.\"}]";

    private record Exchange(String method, String uri, String key, String body) {
    }

    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int patchStatus = 204;
    private volatile String patchAnswer = "";
    private volatile String zoneAnswer = "{\"rrsets\":[]}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String uri = exchange.getRequestURI().toString();
        exchanges.add(new Exchange(exchange.getRequestMethod(), uri, exchange.getRequestHeaders().getFirst("X-API-Key"), body));
        if (!KEY.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
            respond(exchange, 401, "Unauthorized");
        } else if (uri.startsWith("/api/v1/servers/localhost/zones?")) {
            respond(exchange, 200, ZONES);
        } else if (exchange.getRequestMethod().equals("PATCH")) {
            respond(exchange, patchStatus, patchAnswer);
        } else {
            respond(exchange, 200, zoneAnswer);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private PowerDnsProvider provider(String key) {
        return new PowerDnsProvider("http://127.0.0.1:" + server.getAddress().getPort() + "/", key, "localhost", 600,
                Duration.ofSeconds(2));
    }

    private Exchange patch() {
        return exchanges.stream().filter(e -> e.method().equals("PATCH")).findFirst().orElseThrow();
    }

    @Test
    void thePtrGoesIntoTheLongestZoneThatHoldsTheName() throws Exception {
        provider(KEY).setPtr(InetAddress.getByName("192.0.2.4"), Optional.of("Host.Example.com"));

        Exchange patch = patch();
        assertEquals("/api/v1/servers/localhost/zones/2.0.192.in-addr.arpa.", patch.uri());
        assertEquals(KEY, patch.key());
        JsonObject rrset = Json.createReader(new StringReader(patch.body())).readObject().getJsonArray("rrsets").getJsonObject(0);
        assertEquals("4.2.0.192.in-addr.arpa.", rrset.getString("name"));
        assertEquals("PTR", rrset.getString("type"));
        assertEquals("REPLACE", rrset.getString("changetype"));
        assertEquals(600, rrset.getInt("ttl"));
        assertEquals("host.example.com.", rrset.getJsonArray("records").getJsonObject(0).getString("content"));
    }

    @Test
    void anEmptyNameDeletesTheRecordSet() throws Exception {
        provider(KEY).setPtr(InetAddress.getByName("192.0.3.4"), Optional.empty());

        Exchange patch = patch();
        assertEquals("/api/v1/servers/localhost/zones/192.in-addr.arpa.", patch.uri());
        JsonObject rrset = Json.createReader(new StringReader(patch.body())).readObject().getJsonArray("rrsets").getJsonObject(0);
        assertEquals("DELETE", rrset.getString("changetype"));
        assertFalse(rrset.containsKey("records"));
    }

    @Test
    void noZoneIsAPlainRefusal() throws Exception {
        DnsException refused = assertThrows(DnsException.class,
                () -> provider(KEY).setPtr(InetAddress.getByName("2001:db8::1"), Optional.of("a.example.com")));
        assertEquals("No reverse zone is set up for this address.", refused.getMessage());
        assertTrue(exchanges.stream().noneMatch(e -> e.method().equals("PATCH")));
    }

    @Test
    void theRecordIsReadFromTheFilteredZoneWithoutTheFinalDot() throws Exception {
        zoneAnswer = "{\"rrsets\":[{\"name\":\"2.0.192.in-addr.arpa.\",\"type\":\"SOA\",\"records\":[{\"content\":\"x\"}]},"
                + "{\"name\":\"4.2.0.192.in-addr.arpa.\",\"type\":\"PTR\",\"records\":["
                + "{\"content\":\"off.example.com.\",\"disabled\":true},{\"content\":\"on.example.com.\",\"disabled\":false}]}]}";
        PowerDnsProvider dns = provider(KEY);

        assertEquals(Optional.of("on.example.com"), dns.ptr(InetAddress.getByName("192.0.2.4")));
        assertEquals(Optional.empty(), dns.ptr(InetAddress.getByName("192.0.2.5")));
        assertTrue(exchanges.stream().anyMatch(e -> e.uri().equals(
                "/api/v1/servers/localhost/zones/2.0.192.in-addr.arpa.?rrset_name=4.2.0.192.in-addr.arpa.&rrset_type=PTR")));
    }

    @Test
    void aWrongKeyIsRefusedAndTheDetailSaysWhy() throws Exception {
        DnsException refused = assertThrows(DnsException.class,
                () -> provider("not-the-key").setPtr(InetAddress.getByName("192.0.2.4"), Optional.of("a.example.com")));
        assertEquals("The DNS server refused the request.", refused.getMessage());
        assertEquals("HTTP 401 on GET zones?dnssec=false: Unauthorized", refused.detail());
    }

    @Test
    void aRejectedChangeKeepsTheBodyShortAndTheKeyOutOfTheDetail() throws Exception {
        patchStatus = 422;
        patchAnswer = "{\"error\": \"key " + KEY + " was\\nnot liked " + "x".repeat(1000) + "\"}";
        DnsException failed = assertThrows(DnsException.class,
                () -> provider(KEY).setPtr(InetAddress.getByName("192.0.2.4"), Optional.of("a.example.com")));
        assertEquals("The DNS server could not carry out the request.", failed.getMessage());
        assertTrue(failed.detail().startsWith("HTTP 422 on PATCH zones/2.0.192.in-addr.arpa.: {\"error\": \"key *** was"),
                failed.detail());
        assertTrue(failed.detail().length() < 400, failed.detail());
        assertFalse(failed.detail().contains(KEY));
    }

    @Test
    void anAnswerThatIsNotJsonIsAFailure() throws Exception {
        zoneAnswer = "<html>proxy error</html>";
        DnsException failed = assertThrows(DnsException.class, () -> provider(KEY).ptr(InetAddress.getByName("192.0.2.4")));
        assertEquals("The DNS server could not carry out the request.", failed.getMessage());
    }

    @Test
    void anInvalidNameIsRefusedBeforeAnyRequest() {
        assertThrows(PtrHostname.Refused.class,
                () -> provider(KEY).setPtr(InetAddress.getByName("192.0.2.4"), Optional.of("<script>.example.com")));
        assertEquals(List.of(), exchanges);
    }

    @Test
    void zonesHoldNamesOnLabelBoundariesOnly() {
        assertTrue(PowerDnsProvider.contains("2.0.192.in-addr.arpa.", "4.2.0.192.in-addr.arpa."));
        assertTrue(PowerDnsProvider.contains("2.0.192.in-addr.arpa.", "2.0.192.in-addr.arpa."));
        assertFalse(PowerDnsProvider.contains("2.0.192.in-addr.arpa.", "4.12.0.192.in-addr.arpa."));
        assertFalse(PowerDnsProvider.contains("12.0.192.in-addr.arpa.", "4.2.0.192.in-addr.arpa."));
        assertFalse(PowerDnsProvider.contains("", "4.2.0.192.in-addr.arpa."));
    }

    @Test
    void idsBecomeSafePathSegments() {
        assertEquals("0=2F26.2.0.192.in-addr.arpa.", PowerDnsApi.pathSegment("0=2F26.2.0.192.in-addr.arpa."));
        assertEquals("a%2Fb%3F%23%20c", PowerDnsApi.pathSegment("a/b?# c"));
    }

    @Test
    void noDnsProviderKeepsNothing() throws Exception {
        NoDnsProvider none = new NoDnsProvider();
        none.setPtr(InetAddress.getByName("192.0.2.4"), Optional.of("a.example.com"));
        assertEquals(Optional.empty(), none.ptr(InetAddress.getByName("192.0.2.4")));
        assertEquals("none", none.name());
        assertEquals("powerdns", provider(KEY).name());
    }
}
