package io.marque.portal.api.webhook;

import io.marque.portal.billing.invoice.Invoice;
import io.marque.portal.billing.invoice.InvoicePaid;
import io.marque.portal.billing.order.OrderStatusChanged;
import io.marque.portal.server.job.JobFinished;
import io.marque.portal.ticket.AuthorKind;
import io.marque.portal.ticket.TicketReplied;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the domain's events into deliveries: one {@link WebhookDelivery} per active endpoint of the
 * reseller that hears the event, written in the transaction of the change ({@code MANDATORY}; the events
 * are observed synchronously). So a change that commits always has its deliveries, and a change that
 * rolls back has none: the outbox of law 5. Nothing is sent here; {@link WebhookDispatcher} sends.
 *
 * <p>What each event's {@code data} holds:
 * <ul>
 * <li>{@code invoice.paid}: {@code invoiceId}, {@code kind} (CUSTOMER, or WHOLESALE for the reseller's own invoice),
 * {@code status} (PAID), {@code customerId} (null for WHOLESALE).</li>
 * <li>{@code order.status_changed}: {@code orderId}, {@code customerId}, {@code status} (PENDING, PAID,
 * PROVISIONED, CANCELLED), {@code invoiceId}.</li>
 * <li>{@code ticket.replied}: {@code ticketNumber}, {@code messageId}, {@code author} ({@code customer} or
 * {@code staff}: a provider reply the customer sees is the reseller's staff, law 4), {@code status}.</li>
 * <li>{@code server.job_finished}: {@code jobId}, {@code serverId}, {@code action}, {@code state} (DONE or
 * FAILED), {@code error} (e.g. {@code unreachable}; null when done).</li>
 * </ul>
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class WebhookPublisher {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    public void onInvoicePaid(@Observes InvoicePaid paid) {
        Invoice invoice = em.find(Invoice.class, paid.invoiceId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("invoiceId", paid.invoiceId());
        data.put("kind", paid.kind());
        data.put("status", "PAID");
        data.put("customerId", invoice == null ? null : invoice.getCustomerId());
        publish(paid.tenantId(), WebhookEvent.INVOICE_PAID, data);
    }

    public void onOrderStatusChanged(@Observes OrderStatusChanged changed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", changed.orderId());
        data.put("customerId", changed.customerId());
        data.put("status", changed.status());
        data.put("invoiceId", changed.invoiceId());
        publish(changed.tenantId(), WebhookEvent.ORDER_STATUS_CHANGED, data);
    }

    public void onTicketReplied(@Observes TicketReplied replied) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ticketNumber", replied.number());
        data.put("messageId", replied.messageId());
        data.put("author", replied.author() == AuthorKind.CUSTOMER ? "customer" : "staff");
        data.put("status", replied.status());
        publish(replied.tenantId(), WebhookEvent.TICKET_REPLIED, data);
    }

    public void onJobFinished(@Observes JobFinished finished) {
        if (finished.tenantId() == null) {
            return; // a server in the provider's pool: no reseller's business
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("jobId", finished.jobId());
        data.put("serverId", finished.serverId());
        data.put("action", finished.action());
        data.put("state", finished.state());
        data.put("error", errorCode(finished.failureKey()));
        publish(finished.tenantId(), WebhookEvent.SERVER_JOB_FINISHED, data);
    }

    /**
     * Writes the event for each of the tenant's active endpoints that hears it.
     *
     * @return the event's id, or empty when no endpoint hears it (nothing written)
     */
    public Optional<String> publish(long tenantId, WebhookEvent event, Map<String, ?> data) {
        List<WebhookEndpoint> listening = em.createNamedQuery("WebhookEndpoint.activeOfTenant", WebhookEndpoint.class)
                .setParameter("tenant", tenantId).getResultStream().filter(e -> e.hears(event)).toList();
        if (listening.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        String id = EventPayload.newId();
        String payload = EventPayload.of(id, event, now, data);
        for (WebhookEndpoint endpoint : listening) {
            em.persist(new WebhookDelivery(tenantId, endpoint.getId(), id, event, payload, now));
        }
        return Optional.of(id);
    }

    /** {@code server.error.unreachable} → {@code unreachable}: the stable part of a failure's key. */
    static String errorCode(String failureKey) {
        if (failureKey == null) {
            return null;
        }
        return failureKey.startsWith("server.error.") ? failureKey.substring("server.error.".length()) : "failed";
    }
}
