package io.marque.portal.audit;

import io.marque.portal.identity.Actor;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes activity entries. {@code MANDATORY}: an entry is always part of the transaction that made
 * the change, so the change and its record commit together.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditRecorder {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    public void record(Actor actor, String action, String target, String detail) {
        write(actor.tenantId(), actor.userId(), actor.email(), action, target, detail, actor.clientAddress());
    }

    /**
     * An action of one tenant's staff on another tenant (the provider adding a reseller's domain or
     * suspending it): recorded in the actor's log, and in the affected tenant's too, so its admins see
     * what was done to it.
     */
    public void recordOn(long affectedTenantId, Actor actor, String action, String target, String detail) {
        record(actor, action, target, detail);
        if (affectedTenantId != actor.tenantId()) {
            write(affectedTenantId, actor.userId(), actor.email(), action, target, detail, actor.clientAddress());
        }
    }

    /** For events with no signed-in actor: a failed sign-in, a reset request, a self sign-up. */
    public void recordAnonymous(long tenantId, String who, String action, String target, String detail,
            String clientAddress) {
        write(tenantId, null, who, action, target, detail, clientAddress);
    }

    private void write(long tenantId, Long userId, String who, String action, String target, String detail,
            String clientAddress) {
        em.persist(new Activity(tenantId, userId, clip(who, 254), action, clip(target, 254), clip(detail, 1000),
                clip(clientAddress, 64), Instant.now(clock)));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
