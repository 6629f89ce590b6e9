package io.marque.portal.server.dns;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP side of the PowerDNS Authoritative API ({@code /api/v1/servers/{server}}): sends one request
 * with the API key, waits at most the timeout for the connection and again for the answer, and turns
 * every failure into a {@link DnsException} whose message a customer may read.
 *
 * <p>Kept apart from {@link PowerDnsProvider} so the record logic there reads without HTTP plumbing,
 * and so there is one place that decides what of a failure leaves the class: the message never names
 * the server, its address, the key or the product; the detail (for the provider's staff) has the
 * method, the path below the server, the status and the start of the answer, with the key masked
 * should the server ever echo it.
 */
final class PowerDnsApi {

    static final String UNREACHABLE = "The DNS server did not answer; try again later.";
    static final String REFUSED = "The DNS server refused the request.";
    static final String FAILED = "The DNS server could not carry out the request.";

    /** How much of an error answer goes into the detail. */
    private static final int DETAIL_BODY = 300;

    private final URI base;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param url     the webserver's base address, e.g. {@code http://127.0.0.1:8081}
     * @param server  the server id in the API's paths, {@code localhost} for the server itself
     * @param timeout for the connection and again for each answer
     */
    PowerDnsApi(String url, String apiKey, String server, Duration timeout) {
        String root = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.base = URI.create(root + "/api/v1/servers/" + pathSegment(server) + "/");
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("The PowerDNS API address must be http or https");
        }
        if (apiKey.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("The PowerDNS API key may only have visible ASCII characters");
        }
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** GETs a path below the server, e.g. {@code zones}, and returns the JSON answer. */
    JsonStructure get(String path) throws DnsException {
        String body = send("GET", path, HttpRequest.BodyPublishers.noBody());
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        } catch (JsonException | IllegalStateException e) {
            throw new DnsException(FAILED, "GET " + path + ": the answer is not JSON: " + excerpt(body));
        }
    }

    /** PATCHes a path below the server with a JSON body; PowerDNS answers 204 without a body. */
    void patch(String path, JsonObject body) throws DnsException {
        send("PATCH", path, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    }

    private String send(String method, String path, HttpRequest.BodyPublisher body) throws DnsException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("X-API-Key", apiKey)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, body)
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // refused, reset, timed out, TLS: to the customer it is all the same
            throw new DnsException(UNREACHABLE, method + " " + path + ": " + masked(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DnsException(UNREACHABLE, method + " " + path + ": interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        String detail = "HTTP " + status + " on " + method + " " + path + ": " + excerpt(response.body());
        throw new DnsException(status == 401 || status == 403 ? REFUSED : FAILED, detail);
    }

    /** The start of an answer on one line, without the key. */
    private String excerpt(String body) {
        String line = body == null ? "" : body.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return masked(line.length() > DETAIL_BODY ? line.substring(0, DETAIL_BODY) + " …" : line);
    }

    private String masked(String text) {
        return apiKey.isEmpty() ? text : text.replace(apiKey, "***");
    }

    /**
     * A zone id or server id as one path segment. PowerDNS ids are zone names with {@code /} already
     * written as {@code =2F}; anything outside the unreserved characters is percent-encoded anyway.
     */
    static String pathSegment(String id) {
        StringBuilder segment = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~=".indexOf(c) >= 0) {
                segment.append(c);
            } else {
                segment.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0x0f, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0x0f, 16)));
            }
        }
        return segment.toString();
    }
}
