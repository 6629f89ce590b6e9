package io.marque.portal.ticket;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Customer;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The customer's side of tickets, on its reseller's domain: open one, list and search its own, read
 * the public conversation, answer, close, reopen and rate. Every call is scoped to the customer's own
 * tickets; another customer's ticket number gets {@link NotFoundException}, as a missing one does.
 */
@Stateless
public class CustomerDesk {

    public static final int PAGE = 20;

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

    /** The departments a customer may write to. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DepartmentView> departments(Actor actor) {
        actor.require(Role.CUSTOMER);
        return em.createNamedQuery("Department.ofTenant", Department.class).setParameter("tenant", actor.tenantId())
                .getResultStream().filter(Department::isActive).map(DepartmentView::of).toList();
    }

    /** Opens a ticket and answers its number. */
    public long open(Actor actor, NewTicket request, List<Upload> files) {
        Customer customer = customer(actor);
        User user = users.byId(actor.tenantId(), actor.userId()).orElseThrow(() -> new NotFoundException("User"));
        Ticket ticket = writer.open(actor.tenantId(), customer.getId(), author(user, customer), request, files,
                MessageSource.WEB);
        audit.record(actor, "ticket.opened", "#" + ticket.getNumber(), ticket.getSubject());
        return ticket.getNumber();
    }

    /**
     * One page of the customer's own tickets, newest first.
     *
     * @param status  null or blank for every status, {@code ACTIVE} for those not resolved or closed, else one status
     * @param search  words in the subject or the public messages
     * @param cursor  where the previous page ended
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TicketSummary> page(Actor actor, String status, String search, String cursor) {
        long customer = customerId(actor);
        Set<TicketStatus> statuses = status == null || status.isBlank() ? Set.of()
                : "ACTIVE".equals(status) ? EnumSet.complementOf(EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED))
                : Set.of(parseStatus(status));
        return queries.list(new TicketQuery(Viewer.CUSTOMER, actor.tenantId(), customer, null, false, false,
                null, null, statuses, null, null, search, false, cursor, PAGE));
    }

    /** Tickets that wait for the customer's answer: the counter in the customer's navigation. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long awaitingMe(Actor actor) {
        return queries.count(new TicketQuery(Viewer.CUSTOMER, actor.tenantId(), customerId(actor), null, false, false,
                null, null, EnumSet.of(TicketStatus.AWAITING_CUSTOMER), null, null, null, false, null, 0));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TicketDetail read(Actor actor, long number) {
        return queries.detail(own(actor, number, false), Viewer.CUSTOMER);
    }

    public void reply(Actor actor, long number, String body, List<Upload> files) {
        Ticket ticket = own(actor, number, true);
        Customer customer = customer(actor);
        User user = users.byId(actor.tenantId(), actor.userId()).orElseThrow(() -> new NotFoundException("User"));
        writer.add(ticket, author(user, customer), Visibility.PUBLIC, body, files, MessageSource.WEB);
        audit.record(actor, "ticket.replied", "#" + number, null);
    }

    public void close(Actor actor, long number) {
        Ticket ticket = own(actor, number, true);
        if (ticket.getStatus() == TicketStatus.CLOSED) {
            throw new InvalidInputException("", "error.ticket.closed");
        }
        writer.changeStatus(ticket, TicketStatus.CLOSED);
        audit.record(actor, "ticket.closed", "#" + number, null);
    }

    public void reopen(Actor actor, long number) {
        Ticket ticket = own(actor, number, true);
        if (!ticket.getStatus().isFinished() || ticket.getMergedIntoId() != null) {
            throw new InvalidInputException("", "error.ticket.notClosed");
        }
        writer.changeStatus(ticket, TicketStatus.AWAITING_RESELLER);
        audit.record(actor, "ticket.reopened", "#" + number, null);
    }

    /** Rates the answer of a resolved or closed ticket: 1 to 5, with an optional comment. */
    public void rate(Actor actor, long number, int rating, String comment) {
        Ticket ticket = own(actor, number, true);
        if (!ticket.getStatus().isFinished()) {
            throw new InvalidInputException("rating", "error.rating.notFinished");
        }
        if (rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", "error.rating.range");
        }
        String text = comment == null || comment.isBlank() ? null : MessageBody.clean("ratingComment", comment);
        if (text != null && text.length() > 1000) {
            throw new InvalidInputException("ratingComment", "error.message.tooLong");
        }
        ticket.setRating(rating);
        ticket.setRatingComment(text);
        audit.record(actor, "ticket.rated", "#" + number, rating + "/5");
    }

    /** The attachment, if it belongs to one of the customer's tickets and to a message the customer may read. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Attachment attachment(Actor actor, long attachmentId) {
        long customer = customerId(actor);
        Attachment attachment = queries.attachment(actor.tenantId(), attachmentId)
                .orElseThrow(() -> new NotFoundException("Attachment"));
        Ticket ticket = queries.byId(actor.tenantId(), attachment.getTicketId()).orElseThrow();
        if (ticket.getCustomerId() != customer
                || !VisibilityPolicy.mayRead(Viewer.CUSTOMER, queries.visibilityOf(actor.tenantId(), attachment.getMessageId()),
                        ticket.getEscalationState())) {
            throw new NotFoundException("Attachment");
        }
        return attachment;
    }

    private Ticket own(Actor actor, long number, boolean forUpdate) {
        long customer = customerId(actor);
        Ticket ticket = queries.byNumber(actor.tenantId(), number)
                .filter(t -> t.getCustomerId() == customer)
                .orElseThrow(() -> new NotFoundException("Ticket"));
        if (forUpdate) {
            em.refresh(ticket, LockModeType.PESSIMISTIC_WRITE);
        }
        return ticket;
    }

    private Customer customer(Actor actor) {
        Customer customer = em.find(Customer.class, customerId(actor));
        if (customer == null || customer.getTenantId() != actor.tenantId()) {
            throw new NotFoundException("Customer");
        }
        return customer;
    }

    private long customerId(Actor actor) {
        return users.customerId(actor);
    }

    private static TicketWriter.Author author(User user, Customer customer) {
        return new TicketWriter.Author(Viewer.CUSTOMER, user.getId(), customer.getName(), customer.getName());
    }

    static TicketStatus parseStatus(String status) {
        try {
            return TicketStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "error.status.invalid");
        }
    }
}
