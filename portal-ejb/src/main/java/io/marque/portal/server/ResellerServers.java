package io.marque.portal.server;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Customer;
import io.marque.portal.identity.Fields;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The reseller's side of its servers: all of them with the customer that has each, its own label and
 * notes, handing a server to a customer (or taking it back), and suspending a customer's server with
 * words the customer will read.
 */
@Stateless
public class ResellerServers {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    ServerAccess access;

    @Inject
    ServerViews views;

    @Inject
    AuditRecorder audit;

    /** How many servers one page of the reseller's list shows. */
    public static final int PAGE = 100;

    /** One page of the reseller's servers in id order, after {@code afterId} ({@code 0} for the first). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ServerView> list(Actor actor, long afterId) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        return views.forUser(actor, em.createNamedQuery("Server.ofTenant", Server.class)
                .setParameter("tenant", actor.tenantId()).setParameter("after", afterId).setMaxResults(PAGE)
                .getResultList());
    }

    /** Gives the server to one of the reseller's customers, or takes it back with {@code null}. */
    public void assign(Actor actor, long serverId, Long customerId) {
        actor.require(Role.RESELLER_ADMIN);
        Server server = access.reach(actor, serverId, true);
        String customerName = null;
        if (customerId != null) {
            Customer customer = em.find(Customer.class, customerId);
            if (customer == null || customer.getTenantId() != actor.tenantId()) {
                throw new InvalidInputException("customer", "server.error.customer");
            }
            customerName = customer.getName();
        }
        Long before = server.getCustomerId();
        server.setCustomerId(customerId);
        audit.record(actor, customerId == null ? "server.customer.removed" : "server.customer.assigned",
                server.getHostname(), customerId == null ? "from customer " + before : customerName);
    }

    /** The reseller's own label and notes; its customers never see the notes. */
    public void describe(Actor actor, long serverId, String label, String notes) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        Server server = access.reach(actor, serverId, true);
        server.setResellerLabel(Fields.optionalText("label", label, 120));
        server.setResellerNotes(Fields.optionalMultiline("notes", notes, 4000));
        audit.record(actor, "server.described", server.getHostname(), null);
    }

    /**
     * Suspends a customer's server: its customer (and the reseller) can no longer power it on or
     * reinstall it; {@code note} is what the customer reads.
     */
    public void suspend(Actor actor, long serverId, String note) {
        actor.require(Role.RESELLER_ADMIN);
        Server server = access.reach(actor, serverId, true);
        String text = Fields.text("note", note, 1000);
        if (server.getStatus() != ServerStatus.ACTIVE) {
            throw new InvalidInputException("", "server.error.notActive");
        }
        server.suspend(SuspensionCause.RESELLER, text);
        audit.record(actor, "server.suspended", server.getHostname(), text);
    }

    /** Lifts the reseller's own suspension; the provider's can only be lifted by the provider. */
    public void unsuspend(Actor actor, long serverId) {
        actor.require(Role.RESELLER_ADMIN);
        Server server = access.reach(actor, serverId, true);
        if (!server.isSuspended()) {
            throw new InvalidInputException("", "server.error.notSuspended");
        }
        if (server.getSuspensionCause() != SuspensionCause.RESELLER) {
            throw new InvalidInputException("", "server.error.providerSuspension");
        }
        server.unsuspend();
        audit.record(actor, "server.unsuspended", server.getHostname(), null);
    }

    /**
     * The reseller's words to the customer about a suspension it did not make itself (the provider's,
     * for abuse or an unpaid account): the customer reads these, never the provider's reason.
     */
    public void explain(Actor actor, long serverId, String note) {
        actor.require(Role.RESELLER_ADMIN);
        Server server = access.reach(actor, serverId, true);
        if (!server.isSuspended()) {
            throw new InvalidInputException("", "server.error.notSuspended");
        }
        server.setSuspensionNote(Fields.text("note", note, 1000));
        audit.record(actor, "server.suspension.explained", server.getHostname(), null);
    }

    /** The reseller's customers, to choose who gets a server. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Customer> customers(Actor actor) {
        actor.require(Role.RESELLER_ADMIN);
        return em.createQuery("select c from Customer c where c.tenantId = :tenant order by c.name, c.id", Customer.class)
                .setParameter("tenant", actor.tenantId()).setMaxResults(1000).getResultList();
    }
}
