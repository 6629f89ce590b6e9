package io.marque.portal.server.dns;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reverse DNS in a PowerDNS Authoritative server, through its HTTP API (the webserver with
 * {@code api=yes}). The provider sets up the reverse zones of its networks in PowerDNS once; this
 * class only replaces or deletes the PTR record set of single addresses inside them, so it needs
 * no other rights than the API key and never creates a zone.
 *
 * <p>Settings: {@code MARQUE_PDNS_URL} (the webserver, e.g. {@code http://127.0.0.1:8081}),
 * {@code MARQUE_PDNS_API_KEY}, {@code MARQUE_PDNS_SERVER} (the server id in the API, default
 * {@code localhost}), {@code MARQUE_PDNS_TTL} (seconds, default 3600) and
 * {@code MARQUE_PDNS_TIMEOUT_SECONDS} (for the connection and each answer, default 5). A call makes two
 * requests, so it returns or fails within twice that (plus connecting).
 *
 * <p>Not a bean: {@link DnsProviders} builds it from the settings and hands it out when it is
 * configured, so injecting {@code DnsProvider} is never ambiguous.
 *
 * <p>Tested against a real {@code pdns_server} in {@code PowerDnsIT}.
 */
public class PowerDnsProvider implements DnsProvider {

    static final String NO_ZONE = "No reverse zone is set up for this address.";

    private final PowerDnsApi api;
    private final int ttl;

    /**
     * Built by {@link DnsProviders} from the {@code MARQUE_PDNS_*} settings, and by tests.
     *
     * @param url     the PowerDNS webserver, e.g. {@code http://127.0.0.1:8081}
     * @param apiKey  its {@code api-key}
     * @param server  the server id in the API, {@code localhost} for a plain installation
     * @param ttl     seconds, for the PTR records this class writes
     * @param timeout for the connection and again for each answer
     */
    public PowerDnsProvider(String url, String apiKey, String server, int ttl, Duration timeout) {
        if (ttl < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The PowerDNS TTL and timeout must be positive");
        }
        this.api = new PowerDnsApi(url, apiKey, server, timeout);
        this.ttl = ttl;
    }

    @Override
    public String name() {
        return "powerdns";
    }

    /**
     * Replaces the address's PTR record set with one record, or deletes it.
     *
     * @throws DnsException when no zone of the server holds the address's reverse name, or the server
     *                      did not answer or refused
     * @throws PtrHostname.Refused when the host name is not one; services check it before
     */
    @Override
    public void setPtr(InetAddress address, Optional<String> hostname) throws DnsException {
        String owner = ReverseNames.of(address);
        JsonObjectBuilder rrset = Json.createObjectBuilder()
                .add("name", owner)
                .add("type", "PTR");
        if (hostname.isPresent()) {
            JsonObject record = Json.createObjectBuilder()
                    .add("content", PtrHostname.of(hostname.get()) + ".")
                    .add("disabled", false)
                    .build();
            rrset.add("ttl", ttl).add("changetype", "REPLACE").add("records", Json.createArrayBuilder().add(record));
        } else {
            rrset.add("changetype", "DELETE");
        }
        String zone = zoneOf(owner).orElseThrow(() -> new DnsException(NO_ZONE, "no zone holds " + owner));
        JsonArrayBuilder rrsets = Json.createArrayBuilder().add(rrset);
        api.patch("zones/" + PowerDnsApi.pathSegment(zone), Json.createObjectBuilder().add("rrsets", rrsets).build());
    }

    /**
     * The first enabled PTR record of the address; empty when there is none, also when no zone holds
     * the address (then there is nothing a resolver could find either).
     */
    @Override
    public Optional<String> ptr(InetAddress address) throws DnsException {
        String owner = ReverseNames.of(address);
        Optional<String> zone = zoneOf(owner);
        if (zone.isEmpty()) {
            return Optional.empty();
        }
        // rrset_name and rrset_type exist since PowerDNS 4.7; an older server ignores them and sends
        // the whole zone, which the filter below copes with
        JsonObject answer = object(api.get("zones/" + PowerDnsApi.pathSegment(zone.get())
                + "?rrset_name=" + URLEncoder.encode(owner, StandardCharsets.UTF_8) + "&rrset_type=PTR"));
        for (JsonObject rrset : objects(answer.get("rrsets"))) {
            if (owner.equalsIgnoreCase(rrset.getString("name", "")) && "PTR".equals(rrset.getString("type", ""))) {
                for (JsonObject record : objects(rrset.get("records"))) {
                    if (!record.getBoolean("disabled", false)) {
                        return Optional.of(withoutFinalDot(record.getString("content", "")));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The id of the zone with the longest name that the owner name lies in. */
    private Optional<String> zoneOf(String owner) throws DnsException {
        String name = owner.toLowerCase(Locale.ROOT);
        String best = null;
        int bestLength = -1;
        for (JsonObject zone : objects(api.get("zones?dnssec=false"))) {
            String zoneName = zone.getString("name", "").toLowerCase(Locale.ROOT);
            if (contains(zoneName, name) && zoneName.length() > bestLength) {
                best = zone.getString("id", zoneName);
                bestLength = zoneName.length();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether an absolute name lies in an absolute zone: equal, or ending in "." + zone. */
    static boolean contains(String zone, String name) {
        if (zone.isEmpty() || !zone.endsWith(".")) {
            return false;
        }
        return name.equals(zone) || (name.endsWith(zone) && name.charAt(name.length() - zone.length() - 1) == '.');
    }

    private static String withoutFinalDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static JsonObject object(JsonStructure json) throws DnsException {
        if (json instanceof JsonObject object) {
            return object;
        }
        throw new DnsException(PowerDnsApi.FAILED, "expected a JSON object, got " + json.getValueType());
    }

    private static Iterable<JsonObject> objects(JsonValue json) throws DnsException {
        if (json == null || json == JsonValue.NULL) {
            return List.of();
        }
        if (json instanceof JsonArray array) {
            return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
        }
        throw new DnsException(PowerDnsApi.FAILED, "expected a JSON array, got " + json.getValueType());
    }
}
