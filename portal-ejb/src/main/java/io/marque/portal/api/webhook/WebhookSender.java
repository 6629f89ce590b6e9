package io.marque.portal.api.webhook;

import io.marque.portal.platform.MarqueConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes one attempt: checks the URL again (its host may resolve elsewhere now), then POSTs the payload
 * with {@code Webhook-Id}, {@code Webhook-Timestamp} and {@code Webhook-Signature}
 * ({@link WebhookSignature}). Five seconds for the connection and five for the answer; redirects are
 * not followed (a 3xx is a failed attempt); the answer's body is never read, only its status.
 */
@ApplicationScoped
public class WebhookSender {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Names no product or provider (law 2): the receiver is the reseller's, but its logs may be shown to anyone. */
    static final String USER_AGENT = "webhook-sender/1";

    @Inject
    MarqueConfig config;

    private HttpClient http;

    /** How an attempt went: the HTTP status if there was an answer, or what went wrong before one. */
    public record Result(Integer status, String error) {
        public boolean delivered() {
            return error == null && status != null && status >= 200 && status < 300;
        }
    }

    @PostConstruct
    void start() {
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public Result send(WebhookOutbox.Attempt attempt) {
        URI uri;
        try {
            uri = WebhookTarget.check(attempt.url(), config.webhooksAllowPrivate(), WebhookTarget.DNS);
        } catch (WebhookTarget.RefusedException e) {
            return new Result(null, "Not sent: " + e.getMessage());
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Webhook-Id", attempt.eventId())
                .header("Webhook-Timestamp", Long.toString(timestamp))
                .header("Webhook-Signature", WebhookSignature.header(attempt.secret(), attempt.eventId(), timestamp, attempt.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(attempt.payload(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // only the status counts: a body that never ends must not hold the sender
            response.body().close();
            return new Result(response.statusCode(), null);
        } catch (HttpConnectTimeoutException e) {
            return new Result(null, "No connection within " + TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            return new Result(null, "No answer within " + TIMEOUT.toSeconds() + " s");
        } catch (ConnectException e) {
            return new Result(null, "Connection refused or unreachable");
        } catch (IOException e) {
            return new Result(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "Interrupted");
        }
    }
}
