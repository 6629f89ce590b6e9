package io.marque.portal.api.webhook;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.platform.Problems;
import io.marque.portal.platform.SecretKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A reseller admin's webhooks: a few endpoint URLs, each with the events it hears and a secret Marque
 * makes (shown once, kept encrypted with the installation's key, rotatable), and the log of the last
 * deliveries. The URL rules are {@link WebhookTarget}'s; every change is audited, the secret never.
 */
@Stateless
public class Webhooks {

    /** The most endpoints one reseller may have. */
    public static final int MAX_ENDPOINTS = 5;
    /** How many deliveries the log shows. */
    public static final int LOG_SIZE = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    AuditRecorder audit;

    @Inject
    SecretKeys secrets;

    @Inject
    MarqueConfig config;

    /** What the form sends. */
    public record EndpointForm(String url, Set<WebhookEvent> events, boolean active) {
    }

    /** An endpoint with a secret just made, which is never shown again. */
    public record Created(EndpointView endpoint, String secret) {
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<EndpointView> endpoints(Actor actor) {
        actor.require(Role.RESELLER_ADMIN);
        return em.createNamedQuery("WebhookEndpoint.ofTenant", WebhookEndpoint.class).setParameter("tenant", actor.tenantId())
                .getResultStream().map(EndpointView::of).toList();
    }

    public Created create(Actor actor, EndpointForm form) {
        actor.require(Role.RESELLER_ADMIN);
        List<WebhookEndpoint> existing = em.createNamedQuery("WebhookEndpoint.ofTenant", WebhookEndpoint.class)
                .setParameter("tenant", actor.tenantId()).getResultList();
        Problems problems = new Problems();
        String url = checked(form, existing, null, problems);
        if (existing.size() >= MAX_ENDPOINTS) {
            problems.add("", "webhooks.error.tooMany");
        }
        problems.throwIfAny();
        String secret = newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(actor.tenantId(), url, secrets.box().encrypt(secret), form.events(),
                form.active(), Instant.now());
        em.persist(endpoint);
        em.flush();
        audit.record(actor, "webhook.created", url, WebhookEvent.format(form.events()) + (form.active() ? "" : ", paused"));
        return new Created(EndpointView.of(endpoint), secret);
    }

    /** Changes the URL, the events or whether it is active; the secret stays. */
    public EndpointView update(Actor actor, long endpointId, EndpointForm form) {
        actor.require(Role.RESELLER_ADMIN);
        WebhookEndpoint endpoint = own(actor, endpointId);
        List<WebhookEndpoint> existing = em.createNamedQuery("WebhookEndpoint.ofTenant", WebhookEndpoint.class)
                .setParameter("tenant", actor.tenantId()).getResultList();
        Problems problems = new Problems();
        String url = checked(form, existing, endpointId, problems);
        problems.throwIfAny();
        String before = endpoint.getUrl() + " " + WebhookEvent.format(endpoint.events()) + (endpoint.isActive() ? "" : ", paused");
        endpoint.change(url, form.events(), form.active());
        audit.record(actor, "webhook.changed", url,
                before + " → " + url + " " + WebhookEvent.format(form.events()) + (form.active() ? "" : ", paused"));
        return EndpointView.of(endpoint);
    }

    /** Removes the endpoint with its delivery log; deliveries still waiting are dropped. */
    public void remove(Actor actor, long endpointId) {
        actor.require(Role.RESELLER_ADMIN);
        WebhookEndpoint endpoint = own(actor, endpointId);
        em.lock(endpoint, LockModeType.PESSIMISTIC_WRITE);
        long waiting = em.createQuery("select count(d) from WebhookDelivery d where d.endpointId = :endpoint and d.status = :pending",
                Long.class).setParameter("endpoint", endpointId).setParameter("pending", WebhookDelivery.Status.PENDING)
                .getSingleResult();
        em.createQuery("delete from WebhookDelivery d where d.endpointId = :endpoint").setParameter("endpoint", endpointId)
                .executeUpdate();
        em.remove(endpoint);
        audit.record(actor, "webhook.removed", endpoint.getUrl(), waiting == 0 ? null : waiting + " waiting deliveries dropped");
    }

    /**
     * A new secret for the endpoint, effective at once: every delivery from now on, retries included, is
     * signed with it.
     */
    public Created rotateSecret(Actor actor, long endpointId) {
        actor.require(Role.RESELLER_ADMIN);
        WebhookEndpoint endpoint = own(actor, endpointId);
        String secret = newSecret();
        endpoint.secretSealed(secrets.box().encrypt(secret));
        audit.record(actor, "webhook.secretRotated", endpoint.getUrl(), null);
        return new Created(EndpointView.of(endpoint), secret);
    }

    /** The last {@value #LOG_SIZE} deliveries to any of the reseller's endpoints, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DeliveryView> deliveries(Actor actor) {
        actor.require(Role.RESELLER_ADMIN);
        Map<Long, String> urls = em.createNamedQuery("WebhookEndpoint.ofTenant", WebhookEndpoint.class)
                .setParameter("tenant", actor.tenantId()).getResultStream()
                .collect(Collectors.toMap(WebhookEndpoint::getId, WebhookEndpoint::getUrl));
        return em.createNamedQuery("WebhookDelivery.recentOfTenant", WebhookDelivery.class).setParameter("tenant", actor.tenantId())
                .setMaxResults(LOG_SIZE).getResultStream().map(d -> DeliveryView.of(d, urls.get(d.getEndpointId()))).toList();
    }

    /** Tries a failed delivery again, with a fresh round of attempts (the same event id, so receivers drop duplicates). */
    public void retry(Actor actor, long deliveryId) {
        actor.require(Role.RESELLER_ADMIN);
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.getTenantId() != actor.tenantId()) {
            throw new NotFoundException("Webhook delivery");
        }
        if (delivery.getStatus() != WebhookDelivery.Status.FAILED) {
            throw new InvalidInputException("", "webhooks.error.notFailed");
        }
        delivery.retry(Instant.now());
        audit.record(actor, "webhook.retried", delivery.getEvent() + " " + delivery.getEventId(), null);
    }

    /** The form's URL, normalised, after the URL rules; or null with the problems added. */
    private String checked(EndpointForm form, List<WebhookEndpoint> existing, Long self, Problems problems) {
        String url = null;
        try {
            URI uri = WebhookTarget.check(form.url(), config.webhooksAllowPrivate(), WebhookTarget.DNS);
            url = uri.toString();
            String candidate = url;
            if (existing.stream().anyMatch(e -> !e.getId().equals(self) && e.getUrl().equals(candidate))) {
                problems.add("url", "webhooks.error.duplicate");
            }
        } catch (WebhookTarget.RefusedException e) {
            problems.add("url", e.refusal().messageKey());
        }
        if (form.events() == null || form.events().isEmpty()) {
            problems.add("events", "webhooks.error.events");
        }
        return url;
    }

    private WebhookEndpoint own(Actor actor, long endpointId) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId);
        if (endpoint == null || endpoint.getTenantId() != actor.tenantId()) {
            throw new NotFoundException("Webhook endpoint");
        }
        return endpoint;
    }

    /** {@code whsec_} and 256 random bits in URL-safe Base64. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
