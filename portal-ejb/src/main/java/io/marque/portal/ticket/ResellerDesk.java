package io.marque.portal.ticket;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Customer;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.User;
import io.marque.portal.identity.UserStatus;
import io.marque.portal.identity.Users;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.platform.SecretKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The reseller staff's side of tickets, on the reseller's own domain: queues, the full thread (public
 * messages, internal notes and the escalation thread), answers and notes, assignment, priority,
 * department, status, tags, merging, and escalation to the provider. Every call is scoped to the
 * actor's tenant: another reseller's ticket number is simply not found.
 */
@Stateless
public class ResellerDesk {

    public static final int PAGE = 25;

    private static final Set<TicketStatus> OPEN_STATES = EnumSet.complementOf(EnumSet.of(TicketStatus.RESOLVED,
            TicketStatus.CLOSED));

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Users users;

    @Inject
    TicketWriter writer;

    @Inject
    TicketQueries queries;

    @Inject
    SecretKeys secrets;

    @Inject
    AuditRecorder audit;

    /** One page of a queue, breached and soon-due tickets first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TicketSummary> queue(Actor actor, Queue queue, QueueFilter filter, String cursor) {
        require(actor);
        QueueFilter f = filter == null ? QueueFilter.NONE : filter;
        Set<TicketStatus> statuses = f.status() == null || f.status().isBlank() ? OPEN_STATES
                : "ANY".equals(f.status()) ? Set.of() : Set.of(CustomerDesk.parseStatus(f.status()));
        return queries.list(new TicketQuery(Viewer.RESELLER, actor.tenantId(), f.customerId(),
                queue == Queue.MINE ? actor.userId() : null, queue == Queue.UNASSIGNED, queue == Queue.ESCALATED,
                queue == Queue.OVERDUE ? Instant.now() : null, f.departmentId(), statuses, f.priority(), f.tag(),
                f.search(), true, cursor, PAGE));
    }

    /** Tickets nobody has taken yet: the counter in the reseller staff's navigation. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long unassignedCount(Actor actor) {
        require(actor);
        return count(actor, null, true, false, null);
    }

    /** The queue counters, each up to {@link TicketQueries#COUNT_CAP} and one more. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public QueueCounts counts(Actor actor) {
        require(actor);
        Instant now = Instant.now();
        return new QueueCounts(
                count(actor, null, false, false, null),
                count(actor, actor.userId(), false, false, null),
                count(actor, null, true, false, null),
                count(actor, null, false, true, null),
                count(actor, null, false, false, now));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TicketDetail read(Actor actor, long number) {
        require(actor);
        return queries.detail(ticket(actor, number, false), Viewer.RESELLER);
    }

    /** A public answer, an internal note, or (while escalated) a message to the provider. */
    public void reply(Actor actor, long number, Visibility visibility, String body, List<Upload> files) {
        require(actor);
        Ticket ticket = ticket(actor, number, true);
        writer.add(ticket, author(actor), visibility, body, files, MessageSource.WEB);
        audit.record(actor, visibility == Visibility.RESELLER_NOTE ? "ticket.noted" : "ticket.replied",
                "#" + number, visibility.name());
    }

    /**
     * Opens a ticket for one of the reseller's customers with the customer's request as its first message:
     * a request that reached the reseller through its own software (the API) rather than this portal.
     * From then on it is as if the customer had opened it here: the customer gets the acknowledgement, the
     * staff are told, the SLA clocks start. Another tenant's customer is not found.
     *
     * @return the new ticket's number
     * @throws InvalidInputException listing every bad field; nothing is stored
     */
    public long open(Actor actor, long customerId, NewTicket request) {
        require(actor);
        Customer customer = em.find(Customer.class, customerId);
        if (customer == null || customer.getTenantId() != actor.tenantId()) {
            throw new NotFoundException("Customer");
        }
        Long userId = em.createNamedQuery("User.ofCustomer", User.class).setParameter("tenant", actor.tenantId())
                .setParameter("customer", customer.getId()).getResultStream().map(User::getId).min(Long::compare)
                .orElse(null);
        Ticket ticket = writer.open(actor.tenantId(), customer.getId(),
                new TicketWriter.Author(Viewer.CUSTOMER, userId, customer.getName(), customer.getName()), request,
                List.of(), MessageSource.API);
        audit.record(actor, "ticket.opened", "#" + ticket.getNumber(), ticket.getSubject());
        return ticket.getNumber();
    }

    /** A public answer from the reseller's own software (the API), as {@link #reply} writes one; the new message's id. */
    public long answer(Actor actor, long number, String body) {
        require(actor);
        Ticket ticket = ticket(actor, number, true);
        TicketMessage message = writer.add(ticket, author(actor), Visibility.PUBLIC, body, List.of(), MessageSource.API);
        audit.record(actor, "ticket.replied", "#" + number, Visibility.PUBLIC.name());
        return message.getId();
    }

    /** Assigns the ticket to one of the reseller's active agents, or to nobody ({@code userId} null). */
    public void assign(Actor actor, long number, Long userId) {
        require(actor);
        Ticket ticket = ticket(actor, number, true);
        if (userId != null) {
            User agent = users.byId(actor.tenantId(), userId)
                    .filter(u -> u.getStatus() == UserStatus.ACTIVE)
                    .filter(u -> u.hasRole(Role.RESELLER_AGENT) || u.hasRole(Role.RESELLER_ADMIN))
                    .orElseThrow(() -> new InvalidInputException("assignee", "error.assignee.invalid"));
            ticket.setAssigneeId(agent.getId());
        } else {
            ticket.setAssigneeId(null);
        }
        ticket.setUpdatedAt(Instant.now());
        audit.record(actor, "ticket.assigned", "#" + number, userId == null ? "nobody" : "user " + userId);
    }

    /** Changes priority, department and status at once; a field left null stays as it is. */
    public void update(Actor actor, long number, Priority priority, Long departmentId, TicketStatus status) {
        require(actor);
        Ticket ticket = ticket(actor, number, true);
        StringBuilder detail = new StringBuilder();
        if (departmentId != null && !departmentId.equals(ticket.getDepartmentId())) {
            Department department = em.find(Department.class, departmentId);
            if (department == null || !department.getTenantId().equals(actor.tenantId()) || !department.isActive()) {
                throw new InvalidInputException("department", "error.department.unknown");
            }
            ticket.setDepartmentId(departmentId);
            detail.append("department=").append(department.getName()).append(' ');
        }
        if (status != null && status != ticket.getStatus()) {
            if (!TicketStatus.SETTABLE.contains(status)) {
                throw new InvalidInputException("status", "error.status.invalid");
            }
            if (ticket.isEscalated()) {
                throw new InvalidInputException("status", "error.escalation.takeBackFirst");
            }
            writer.changeStatus(ticket, status);
            detail.append("status=").append(status).append(' ');
        }
        if (priority != null && priority != ticket.getPriority()) {
            writer.changePriority(ticket, priority);
            detail.append("priority=").append(priority);
        }
        ticket.setUpdatedAt(Instant.now());
        audit.record(actor, "ticket.updated", "#" + number, detail.toString().strip());
    }

    public void setTags(Actor actor, long number, String tags) {
        require(actor);
        Ticket ticket = ticket(actor, number, true);
        ticket.setTagSet(Tags.parse(tags));
        audit.record(actor, "ticket.tagged", "#" + number, Tags.format(ticket.tagSet()));
    }

    /**
     * Merges ticket {@code from} into ticket {@code into}, both of the same customer: every message and
     * file moves over, {@code from} is closed and points to {@code into}.
     */
    public void merge(Actor actor, long from, long into) {
        require(actor);
        if (from == into) {
            throw new InvalidInputException("into", "error.merge.same");
        }
        Ticket source = ticket(actor, from, true);
        Ticket target = queries.byNumber(actor.tenantId(), into)
                .orElseThrow(() -> new InvalidInputException("into", "error.merge.unknown"));
        em.refresh(target, LockModeType.PESSIMISTIC_WRITE);
        if (!source.getCustomerId().equals(target.getCustomerId())) {
            throw new InvalidInputException("into", "error.merge.otherCustomer");
        }
        if (source.isEscalated() || target.isEscalated()) {
            throw new InvalidInputException("into", "error.escalation.takeBackFirst");
        }
        if (source.getMergedIntoId() != null || target.getMergedIntoId() != null) {
            throw new InvalidInputException("into", "error.ticket.merged");
        }
        em.createQuery("update TicketMessage m set m.ticketId = :target where m.tenantId = :tenant and m.ticketId = :source")
                .setParameter("target", target.getId()).setParameter("tenant", actor.tenantId())
                .setParameter("source", source.getId()).executeUpdate();
        em.createQuery("update Attachment a set a.ticketId = :target where a.tenantId = :tenant and a.ticketId = :source")
                .setParameter("target", target.getId()).setParameter("tenant", actor.tenantId())
                .setParameter("source", source.getId()).executeUpdate();
        writer.changeStatus(source, TicketStatus.CLOSED);
        source.setMergedIntoId(target.getId());
        writer.systemNote(target, "merged #" + from + " \u2192 #" + into);
        target.setUpdatedAt(Instant.now());
        audit.record(actor, "ticket.merged", "#" + from, "into #" + into);
    }

    /** Hands the ticket to the provider; see {@link TicketWriter#escalate}. */
    public void escalate(Actor actor, long number, String reason, boolean providerMayReply, boolean shareCustomer) {
        require(actor);
        Ticket ticket = ticket(actor, number, true);
        writer.escalate(ticket, author(actor), reason, providerMayReply, shareCustomer,
                Pseudonym.of(secrets.box(), actor.tenantId(), ticket.getCustomerId()));
        audit.record(actor, "ticket.escalated", "#" + number,
                "providerMayReply=" + providerMayReply + " shareCustomer=" + shareCustomer);
    }

    /** Takes an escalated ticket back from the provider, at any time. */
    public void takeBack(Actor actor, long number) {
        require(actor);
        Ticket ticket = ticket(actor, number, true);
        writer.endEscalation(ticket, author(actor), null);
        audit.record(actor, "ticket.taken-back", "#" + number, null);
    }

    /** The reseller's agents, to assign tickets to. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StaffMember> agents(Actor actor) {
        require(actor);
        return em.createNamedQuery("User.staff", User.class).setParameter("tenant", actor.tenantId()).getResultStream()
                .filter(u -> u.getStatus() == UserStatus.ACTIVE)
                .filter(u -> u.hasRole(Role.RESELLER_AGENT) || u.hasRole(Role.RESELLER_ADMIN))
                .map(u -> new StaffMember(u.getId(), u.getDisplayName())).toList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DepartmentView> departments(Actor actor) {
        require(actor);
        return em.createNamedQuery("Department.ofTenant", Department.class).setParameter("tenant", actor.tenantId())
                .getResultStream().map(DepartmentView::of).toList();
    }

    /** A canned reply with its placeholders filled in for this ticket, ready to edit and send. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String cannedText(Actor actor, long number, long cannedId) {
        require(actor);
        Ticket ticket = ticket(actor, number, false);
        CannedReply canned = em.find(CannedReply.class, cannedId);
        if (canned == null || !canned.getTenantId().equals(actor.tenantId())) {
            throw new NotFoundException("Canned reply");
        }
        Customer customer = em.find(Customer.class, ticket.getCustomerId());
        User agent = users.byId(actor.tenantId(), actor.userId()).orElseThrow(() -> new NotFoundException("User"));
        return CannedText.fill(canned.getBody(), customer.getName(), ticket.getNumber(), ticket.getSubject(),
                agent.getDisplayName());
    }

    /** The attachment, if it belongs to one of the reseller's tickets and a message its staff may read. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Attachment attachment(Actor actor, long attachmentId) {
        require(actor);
        Attachment attachment = queries.attachment(actor.tenantId(), attachmentId)
                .orElseThrow(() -> new NotFoundException("Attachment"));
        Ticket ticket = queries.byId(actor.tenantId(), attachment.getTicketId()).orElseThrow();
        if (!VisibilityPolicy.mayRead(Viewer.RESELLER, queries.visibilityOf(actor.tenantId(), attachment.getMessageId()),
                ticket.getEscalationState())) {
            throw new NotFoundException("Attachment");
        }
        return attachment;
    }

    private long count(Actor actor, Long assignee, boolean unassigned, boolean escalated, Instant dueBefore) {
        return queries.count(new TicketQuery(Viewer.RESELLER, actor.tenantId(), null, assignee, unassigned, escalated,
                dueBefore, null, escalated ? Set.of() : OPEN_STATES, null, null, null, true, null, 0));
    }

    private Ticket ticket(Actor actor, long number, boolean forUpdate) {
        Ticket ticket = queries.byNumber(actor.tenantId(), number).orElseThrow(() -> new NotFoundException("Ticket"));
        if (forUpdate) {
            em.refresh(ticket, LockModeType.PESSIMISTIC_WRITE);
        }
        return ticket;
    }

    private TicketWriter.Author author(Actor actor) {
        User user = users.byId(actor.tenantId(), actor.userId()).orElseThrow(() -> new NotFoundException("User"));
        return new TicketWriter.Author(Viewer.RESELLER, user.getId(), user.getDisplayName(), user.getDisplayName());
    }

    private static void require(Actor actor) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        if (Viewer.of(actor) != Viewer.RESELLER) {
            throw new ForbiddenException("Not reseller staff");
        }
    }
}
