package io.marque.portal.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small HTTP client for tests that talk to the server as a browser would, on a demo host name:
 * requests go to 127.0.0.1 with the {@code Host} header set (Java does not resolve {@code *.localhost}).
 * Each instance keeps its own cookies, like one browser.
 */
public final class Http {

    public static final int PORT = Integer.getInteger("marque.http.port", 8080);

    private final HttpClient client;

    public Http() {
        // HTTP/1.1: over an h2c upgrade Java would send the URI's authority instead of our Host header
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public HttpResponse<String> get(String host, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Host", host + ":" + PORT).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #get}, the body as bytes (a PDF, an image). */
    public HttpResponse<byte[]> getBytes(String host, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Host", host + ":" + PORT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Any request, the body as bytes: a method and body of the test's choice, and headers as name, value
     * pairs (e.g. {@code "Content-Type", "text/plain"}).
     */
    public HttpResponse<byte[]> send(String host, String method, String path, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Host", host + ":" + PORT)
                .timeout(Duration.ofSeconds(30)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException closed) {
            // a kept-alive connection the server closed meanwhile is tried again once on a new one, as a
            // browser does; a request the server never answers fails the second time, named
            try {
                return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(client.cookieHandler().orElseThrow())
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build()
                        .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException again) {
                again.addSuppressed(closed);
                throw new IOException(method + " " + host + path + " got no answer: " + again.getMessage(), again);
            }
        }
    }

    public HttpResponse<String> postForm(String host, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(uri(path)).header("Host", host + ":" + PORT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the real sign-in form (a stateless view); returns the response to the post. */
    public HttpResponse<String> signIn(String host, String email, String password) throws IOException, InterruptedException {
        return postForm(host, "/login", Map.of("login", "login", "email", email, "password", password, "submit", "Sign in",
                "jakarta.faces.ViewState", "stateless"));
    }

    public HttpClient client() {
        return client;
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
    }
}
