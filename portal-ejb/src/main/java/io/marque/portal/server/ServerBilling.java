package io.marque.portal.server;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.server.abuse.AbuseState;
import io.marque.portal.tenant.Tenant;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * What billing does to servers when an invoice stays unpaid, with nobody signed in: suspend, lift that
 * suspension when the invoice is paid, take a server back from a customer, and end its service. The
 * rules about the server itself live in {@link Server} and are the same as for a person's action
 * ({@link ServerInventory}, {@link ResellerServers}); this class only decides what billing may touch and
 * audits it under the name {@value #WHO}.
 *
 * <p>A customer's unpaid invoice to its reseller is the reseller's business: those changes are recorded
 * in the reseller's log only. A reseller's unpaid invoice to the provider is recorded in both logs.
 * Runs inside the caller's transaction ({@code MANDATORY}), so a change commits with its invoice step.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ServerBilling {

    /** The name billing's changes are audited under. */
    public static final String WHO = "billing";

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    AuditRecorder audit;

    /**
     * Suspends the server for an unpaid invoice. An active server gets {@code cause} and {@code note};
     * a server the reseller suspended gets the provider's stronger hold when {@code cause} is the
     * provider's; any other suspension stays as it is, and a terminated server is left alone.
     *
     * @param note   what the customer reads ({@code null} for nothing: the provider's reasons never reach
     *               a customer, the reseller explains them in its own words)
     * @param detail for the audit log, e.g. the invoice's number
     * @return whether the server changed
     */
    public boolean suspend(long serverId, SuspensionCause cause, String note, String detail) {
        Server server = locked(serverId);
        if (server == null || server.getStatus() == ServerStatus.TERMINATED) {
            return false;
        }
        if (server.getStatus() == ServerStatus.ACTIVE) {
            server.suspend(cause, note);
        } else if (cause == SuspensionCause.PROVIDER && server.getSuspensionCause() == SuspensionCause.RESELLER) {
            server.suspend(cause);
        } else {
            return false;
        }
        record(server, cause, "server.suspended", detail);
        return true;
    }

    /**
     * Lifts a suspension billing made: only one of {@code cause}, and, when {@code note} is given, only
     * with exactly those words (so a reseller's own suspension for another reason stays). A provider's
     * suspension stays while an abuse report of the server is open.
     *
     * @return whether the server was lifted
     */
    public boolean unsuspend(long serverId, SuspensionCause cause, String note, String detail) {
        Server server = locked(serverId);
        if (server == null || !server.isSuspended() || server.getSuspensionCause() != cause
                || (note != null && !note.equals(server.getSuspensionNote()))) {
            return false;
        }
        if (cause == SuspensionCause.PROVIDER && abuseOpen(serverId)) {
            return false;
        }
        record(server, cause, "server.unsuspended", detail);
        server.unsuspend();
        return true;
    }

    /**
     * The reseller keeps the server, its customer loses it: its service ended for an unpaid invoice. The
     * reseller's own suspension is lifted, as it was about that customer; the provider's stays.
     */
    public void takeBackFromCustomer(long serverId, String detail) {
        Server server = locked(serverId);
        if (server == null || server.getCustomerId() == null || server.getStatus() == ServerStatus.TERMINATED) {
            return;
        }
        Long customer = server.getCustomerId();
        server.setCustomerId(null);
        if (server.isSuspended() && server.getSuspensionCause() == SuspensionCause.RESELLER) {
            server.unsuspend();
        }
        record(server, SuspensionCause.RESELLER, "server.customer.removed",
                detail + " (from customer " + customer + ")");
    }

    /**
     * Ends the server's service for the reseller's unpaid invoice: it leaves the reseller and its customer
     * and waits in the provider's pool, {@link ServerStatus#TERMINATED}, until the provider makes it ready
     * with {@link ServerInventory#returnToPool} as any other terminated server.
     */
    public void returnToPool(long serverId, String detail) {
        Server server = locked(serverId);
        if (server == null || server.getStatus() == ServerStatus.TERMINATED) {
            return;
        }
        record(server, SuspensionCause.PROVIDER, "server.terminated", detail);
        server.terminate();
    }

    private boolean abuseOpen(long serverId) {
        return em.createQuery("select count(r) from AbuseReport r where r.serverId = :server and r.state in :open",
                Long.class).setParameter("server", serverId)
                .setParameter("open", List.of(AbuseState.OPEN, AbuseState.SUSPENDED)).getSingleResult() > 0;
    }

    /** In the reseller's log; the provider's too when it was the provider's doing. */
    private void record(Server server, SuspensionCause side, String action, String detail) {
        if (server.getTenantId() != null) {
            audit.recordAnonymous(server.getTenantId(), WHO, action, server.getHostname(), detail, null);
        }
        if (side == SuspensionCause.PROVIDER) {
            long provider = em.createNamedQuery("Tenant.provider", Tenant.class).getSingleResult().getId();
            audit.recordAnonymous(provider, WHO, action, server.getHostname(), detail, null);
        }
    }

    private Server locked(long serverId) {
        return em.find(Server.class, serverId, LockModeType.PESSIMISTIC_WRITE);
    }
}
