package io.marque.portal.api.webhook;

import java.io.Serializable;
import java.time.Instant;

/**
 * A line of the delivery log: which event went to which URL, how it stands, how often it was tried and
 * what the receiver last answered ({@code lastStatus}, the HTTP status) or what went wrong before an
 * answer ({@code lastError}).
 */
public record DeliveryView(long id, long endpointId, String url, String eventId, String event, WebhookDelivery.Status status,
        int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError, Instant deliveredAt, Instant createdAt)
        implements Serializable {

    static DeliveryView of(WebhookDelivery d, String url) {
        return new DeliveryView(d.getId(), d.getEndpointId(), url, d.getEventId(), d.getEvent(), d.getStatus(), d.getAttempts(),
                d.getStatus() == WebhookDelivery.Status.PENDING ? d.getNextAttemptAt() : null, d.getLastStatus(), d.getLastError(),
                d.getDeliveredAt(), d.getCreatedAt());
    }
}
