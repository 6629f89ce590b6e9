package io.marque.portal.api.webhook;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** An endpoint as its reseller's admins see it: never the secret, which is shown once when it is made. */
public record EndpointView(long id, String url, List<WebhookEvent> events, boolean active, Instant createdAt)
        implements Serializable {

    static EndpointView of(WebhookEndpoint endpoint) {
        return new EndpointView(endpoint.getId(), endpoint.getUrl(), endpoint.events().stream().sorted().toList(),
                endpoint.isActive(), endpoint.getCreatedAt());
    }
}
