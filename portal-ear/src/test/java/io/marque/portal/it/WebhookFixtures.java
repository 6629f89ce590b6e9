package io.marque.portal.it;

import io.marque.portal.api.webhook.WebhookDelivery;
import io.marque.portal.api.webhook.WebhookEndpoint;
import io.marque.portal.billing.account.Accounts;
import io.marque.portal.identity.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Webhooks for integration tests: the outbox rows as stored, and the few moves a test makes on them. */
@ApplicationScoped
public class WebhookFixtures {

    /** Thrown to roll a fixture's transaction back after the change it made. */
    public static class RolledBack extends RuntimeException {
        public RolledBack() {
            super("rolled back by the test");
        }
    }

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    @Inject
    Accounts accounts;

    /** Every delivery of a tenant, oldest first, as the database has it now. */
    @Transactional
    public List<WebhookDelivery> deliveries(long tenantId) {
        return em.createQuery("select d from WebhookDelivery d where d.tenantId = :t order by d.id", WebhookDelivery.class)
                .setParameter("t", tenantId).getResultList();
    }

    /** The endpoint row as stored, with its sealed secret. */
    @Transactional
    public WebhookEndpoint endpoint(long endpointId) {
        return em.find(WebhookEndpoint.class, endpointId);
    }

    /** Makes a delivery waiting for its next attempt due now, instead of after its back-off. */
    @Transactional
    public void makeDue(long deliveryId) {
        em.createQuery("update WebhookDelivery d set d.nextAttemptAt = :now where d.id = :id")
                .setParameter("now", Instant.now()).setParameter("id", deliveryId).executeUpdate();
    }

    /** Pays the invoice, then rolls the payment back, as a crash or a later failure in its transaction would. */
    @Transactional
    public void payThenRollBack(Actor actor, long invoiceId) {
        accounts.pay(actor, invoiceId);
        throw new RolledBack();
    }
}
