package io.marque.portal.api.webhook;

import io.marque.portal.platform.SecretKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The delivery outbox's two short transactions around each attempt, so no transaction stays open while
 * a receiver is slow: {@link #claim} takes due deliveries ({@code for update skip locked}: nodes take
 * different rows and never wait for each other), counts the attempt and leases the row for
 * {@link #LEASE}; the HTTP call happens outside; {@link #record} writes the outcome and the next attempt
 * time. A node that dies between the two leaves the lease to expire, and the delivery is tried again:
 * deliveries are at least once, and receivers drop repeats by {@code Webhook-Id}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookOutbox {

    /** How long a claimed delivery is not claimed again if its sender never reports back. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** Finished deliveries are kept this long for the log, then deleted. */
    static final Duration KEPT = Duration.ofDays(30);
    private static final Logger LOG = Logger.getLogger(WebhookOutbox.class.getName());

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    SecretKeys secrets;

    /** One attempt to make: where, with what secret, and the attempt's number to report back with. */
    public record Attempt(long deliveryId, int attempt, String eventId, String url, String secret, String payload) {
    }

    /** Takes up to {@code limit} due deliveries of active endpoints, oldest due first. */
    public List<Attempt> claim(int limit) {
        Instant now = Instant.now();
        List<?> ids = em.createNativeQuery("select d.id from webhook_delivery d where d.status = 'PENDING'"
                + " and d.next_attempt_at <= ? and d.endpoint_id in (select e.id from webhook_endpoint e where e.active = true)"
                + " order by d.next_attempt_at, d.id limit ? for update skip locked")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit).getResultList();
        List<Attempt> attempts = new ArrayList<>();
        for (Object row : ids) {
            WebhookDelivery delivery = em.find(WebhookDelivery.class, ((Number) row).longValue());
            WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.getEndpointId());
            delivery.claimed(now.plus(LEASE));
            String secret;
            try {
                secret = secrets.box().decrypt(endpoint.getSecretSealed());
            } catch (IllegalArgumentException e) {
                // the installation's key changed: sending unsigned would be worse than not sending
                LOG.log(Level.WARNING, "Webhook endpoint {0}: its secret cannot be decrypted with this installation's key",
                        endpoint.getId());
                outcome(delivery, null, "The endpoint's secret cannot be read; rotate it", now);
                continue;
            }
            attempts.add(new Attempt(delivery.getId(), delivery.getAttempts(), delivery.getEventId(), endpoint.getUrl(), secret,
                    delivery.getPayload()));
        }
        return attempts;
    }

    /**
     * Writes how an attempt went: delivered on a 2xx answer; otherwise due again after the
     * {@link RetrySchedule}'s wait, or FAILED after the last. Ignored if the delivery was removed or
     * claimed again since (its lease ran out).
     */
    public void record(long deliveryId, int attempt, WebhookSender.Result result) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.getStatus() != WebhookDelivery.Status.PENDING || delivery.getAttempts() != attempt) {
            return;
        }
        Instant now = Instant.now();
        if (result.delivered()) {
            delivery.delivered(result.status(), now);
        } else {
            outcome(delivery, result.status(), result.error(), now);
        }
    }

    /** Deletes delivered and failed deliveries older than {@link #KEPT}; answers how many. */
    public int prune() {
        return em.createQuery("delete from WebhookDelivery d where d.status <> :pending and d.createdAt < :before")
                .setParameter("pending", WebhookDelivery.Status.PENDING).setParameter("before", Instant.now().minus(KEPT))
                .executeUpdate();
    }

    private static void outcome(WebhookDelivery delivery, Integer status, String error, Instant now) {
        delivery.failed(status, error, RetrySchedule.after(delivery.getAttempts()).map(now::plus).orElse(null));
        if (delivery.getStatus() == WebhookDelivery.Status.FAILED) {
            LOG.log(Level.INFO, "Webhook delivery {0} ({1}) given up after {2} attempts",
                    new Object[] {delivery.getId(), delivery.getEvent(), delivery.getAttempts()});
        }
    }
}
