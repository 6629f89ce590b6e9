package io.marque.portal.ticket;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.User;
import io.marque.portal.identity.Users;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;

/**
 * The provider staff's side of tickets, on the provider's own domain: the escalation queue across
 * resellers and the escalated tickets in it, nothing else (law 3). The provider answers the reseller,
 * keeps notes of its own, answers the customer where the reseller allows it (under the reseller's
 * alias, law 4), and resolves the escalation with a summary. A ticket that is not escalated now is
 * "not found", whatever its id.
 */
@Stateless
public class ProviderDesk {

    public static final int PAGE = 25;

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Users users;

    @Inject
    TicketWriter writer;

    @Inject
    TicketQueries queries;

    @Inject
    AuditRecorder audit;

    /** The escalation queue of every reseller, the most urgent first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TicketSummary> queue(Actor actor, String cursor) {
        require(actor);
        return queries.list(new TicketQuery(Viewer.PROVIDER, null, null, null, false, true, null, null, Set.of(), null,
                null, null, true, cursor, PAGE));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long count(Actor actor) {
        require(actor);
        return queries.count(new TicketQuery(Viewer.PROVIDER, null, null, null, false, true, null, null, Set.of(), null,
                null, null, true, null, 0));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TicketDetail read(Actor actor, long ticketId) {
        require(actor);
        return queries.detail(escalated(ticketId, false), Viewer.PROVIDER);
    }

    /** Answers in the escalation thread, as a provider note, or (where allowed) to the customer. */
    public void reply(Actor actor, long ticketId, Visibility visibility, String body, List<Upload> files) {
        require(actor);
        Ticket ticket = escalated(ticketId, true);
        writer.add(ticket, author(actor, ticket), visibility, body, files, MessageSource.WEB);
        audit.record(actor, visibility == Visibility.PROVIDER_NOTE ? "escalation.noted" : "escalation.replied",
                "ticket " + ticketId, visibility.name());
    }

    /** Resolves the escalation: the summary goes to the reseller and the ticket back to it. */
    public void resolve(Actor actor, long ticketId, String summary) {
        require(actor);
        Ticket ticket = escalated(ticketId, true);
        if (summary == null || summary.isBlank()) {
            throw new InvalidInputException("summary", "error.required");
        }
        writer.endEscalation(ticket, author(actor, ticket), summary);
        audit.record(actor, "escalation.resolved", "ticket " + ticketId, null);
    }

    /** The attachment, if its ticket is escalated now and its message is one the provider may read. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Attachment attachment(Actor actor, long attachmentId) {
        require(actor);
        Attachment attachment = em.find(Attachment.class, attachmentId);
        if (attachment == null) {
            throw new NotFoundException("Attachment");
        }
        Ticket ticket = escalated(attachment.getTicketId(), false);
        if (!VisibilityPolicy.mayRead(Viewer.PROVIDER,
                queries.visibilityOf(ticket.getTenantId(), attachment.getMessageId()), ticket.getEscalationState())) {
            throw new NotFoundException("Attachment");
        }
        return attachment;
    }

    private Ticket escalated(long ticketId, boolean forUpdate) {
        Ticket ticket = em.find(Ticket.class, ticketId);
        if (ticket == null || !VisibilityPolicy.mayOpen(Viewer.PROVIDER, ticket.getEscalationState())) {
            throw new NotFoundException("Ticket");
        }
        if (forUpdate) {
            em.refresh(ticket, LockModeType.PESSIMISTIC_WRITE);
            if (!ticket.isEscalated()) {
                throw new NotFoundException("Ticket");
            }
        }
        return ticket;
    }

    private TicketWriter.Author author(Actor actor, Ticket ticket) {
        User user = users.byId(actor.tenantId(), actor.userId()).orElseThrow(() -> new NotFoundException("User"));
        TicketSettings settings = em.find(TicketSettings.class, ticket.getTenantId());
        return new TicketWriter.Author(Viewer.PROVIDER, user.getId(), user.getDisplayName(), settings.getProviderAlias());
    }

    private static void require(Actor actor) {
        actor.require(Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
    }
}
