package io.marque.portal.ticket;

import io.marque.portal.identity.Fields;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.Problems;
import io.marque.portal.platform.Sha256;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place tickets are opened and messages added, whoever writes them (a page, a mail, the API):
 * it applies {@link VisibilityPolicy}, cleans the text, checks and stores attachments, moves the status
 * ({@link TicketFlow}), runs the SLA clocks and tells the people concerned ({@link TicketNotifier}).
 * {@code MANDATORY}: all of it commits with the caller's change and its audit entry, or none of it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class TicketWriter {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    DomainDirectory directory;

    @Inject
    TicketNotifier notifier;

    @Inject
    Event<TicketReplied> replied;

    private final AttachmentPolicy attachments = new AttachmentPolicy();

    /** Who writes: the side, the user (null for the portal itself) and the name each side sees. */
    public record Author(Viewer side, Long userId, String name, String publicName) {
    }

    /**
     * Opens a ticket with its first message, written by the customer.
     *
     * @throws InvalidInputException listing every bad field; nothing is stored
     */
    public Ticket open(long tenantId, long customerId, Author author, NewTicket request, List<Upload> files,
            MessageSource source) {
        Problems problems = new Problems();
        Department department = request.departmentId() == null ? null : em.find(Department.class, request.departmentId());
        if (department == null || department.getTenantId() != tenantId || !department.isActive()) {
            problems.add("department", "error.department.unknown");
        }
        String subject = problems.check(() -> Fields.text("subject", request.subject(), 200));
        String body = problems.check(() -> MessageBody.clean("body", request.body()));
        String related = problems.check(() -> Fields.optionalText("relatedService", request.relatedService(), 120));
        List<AttachmentPolicy.Accepted> accepted = check(files, problems);
        problems.throwIfAny();

        Instant now = Instant.now();
        TicketSettings settings = em.find(TicketSettings.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
        if (settings == null) {
            throw new IllegalStateException("Tenant " + tenantId + " has no ticket settings");
        }
        Priority priority = request.priority() == null ? Priority.NORMAL : request.priority();
        Ticket ticket = new Ticket(tenantId, settings.takeNumber(), customerId, department.getId(), subject, priority,
                newToken(), now);
        ticket.setRelatedService(related);
        ticket.setProviderMayReply(settings.isProviderMayReply());
        ticket.setShareCustomer(settings.isShareCustomer());
        startClocks(ticket, settings, now);
        em.persist(ticket);
        em.flush();
        TicketMessage first = store(ticket, author, Visibility.PUBLIC, body, files, accepted, source, now);
        notifier.opened(ticket, first);
        return ticket;
    }

    /**
     * Adds a message to a ticket.
     *
     * @throws ForbiddenException when the author's side may not write this visibility here
     * @throws InvalidInputException for an empty or oversized text or a refused file
     */
    public TicketMessage add(Ticket ticket, Author author, Visibility visibility, String text, List<Upload> files,
            MessageSource source) {
        if (!VisibilityPolicy.mayWrite(author.side(), visibility, ticket.getEscalationState(),
                ticket.isProviderMayReply())) {
            throw new ForbiddenException(author.side() + " may not write " + visibility + " here");
        }
        Problems problems = new Problems();
        String body = problems.check(() -> MessageBody.clean("body", text));
        List<AttachmentPolicy.Accepted> accepted = check(files, problems);
        problems.throwIfAny();

        Instant now = Instant.now();
        if (TicketFlow.isFirstResponse(ticket, author.side(), visibility)) {
            ticket.setFirstResponseAt(now);
        }
        TicketStatus next = TicketFlow.afterMessage(ticket.getStatus(), ticket.getEscalationState(),
                ticket.isProviderMayReply(), author.side(), visibility);
        if (next != ticket.getStatus() && next == TicketStatus.AWAITING_RESELLER && ticket.getStatus().isFinished()) {
            ticket.setResolvedAt(null);
        }
        ticket.setStatus(next);
        ticket.setUpdatedAt(now);
        ticket.setQueueDue(TicketFlow.queueDue(ticket));
        TicketMessage message = store(ticket, author, visibility, body, files, accepted, source, now);
        notifier.added(ticket, message);
        if (visibility == Visibility.PUBLIC) {
            replied.fire(new TicketReplied(ticket.getTenantId(), ticket.getId(), ticket.getNumber(), message.getId(),
                    message.getAuthorKind(), ticket.getStatus()));
        }
        return message;
    }

    /**
     * Hands the ticket to the provider with the reseller's reason (an ESCALATION message), and with the
     * reseller's choices for this ticket: may the provider answer the customer, may it know who the
     * customer is. The provider's staff are told.
     */
    public void escalate(Ticket ticket, Author author, String reason, boolean providerMayReply, boolean shareCustomer,
            String pseudonym) {
        if (ticket.isEscalated()) {
            throw new InvalidInputException("", "error.escalation.already");
        }
        if (ticket.getMergedIntoId() != null) {
            throw new InvalidInputException("", "error.ticket.merged");
        }
        String text = MessageBody.clean("reason", reason);
        if (text.length() > 2000) {
            throw new InvalidInputException("reason", "error.message.tooLong");
        }
        Instant now = Instant.now();
        ticket.setEscalationState(EscalationState.OPEN);
        ticket.setEscalationReason(text);
        ticket.setEscalatedAt(now);
        ticket.setProviderMayReply(providerMayReply);
        ticket.setShareCustomer(shareCustomer);
        ticket.setCustomerPseudonym(pseudonym);
        if (ticket.getStatus().isFinished()) {
            ticket.setResolvedAt(null);
        }
        ticket.setStatus(TicketStatus.ESCALATED);
        ticket.setUpdatedAt(now);
        ticket.setQueueDue(TicketFlow.queueDue(ticket));
        TicketMessage message = store(ticket, author, Visibility.ESCALATION, text, List.of(), List.of(),
                MessageSource.WEB, now);
        notifier.escalated(ticket, message);
    }

    /**
     * Ends an escalation: the provider resolved it (its summary goes to the reseller as a last
     * ESCALATION message) or the reseller took the ticket back (summary null). Either way the ticket is
     * the reseller's again, and the provider no longer sees it.
     */
    public void endEscalation(Ticket ticket, Author author, String summary) {
        if (!ticket.isEscalated()) {
            throw new InvalidInputException("", "error.escalation.notOpen");
        }
        if (summary != null) {
            add(ticket, author, Visibility.ESCALATION, summary, List.of(), MessageSource.WEB);
        }
        ticket.setEscalationState(EscalationState.RETURNED);
        ticket.setStatus(TicketStatus.AWAITING_RESELLER);
        ticket.setUpdatedAt(Instant.now());
        ticket.setQueueDue(TicketFlow.queueDue(ticket));
    }

    /** A line from the portal itself ("merged from #12"), for the reseller's eyes. */
    public void systemNote(Ticket ticket, String text) {
        TicketMessage note = new TicketMessage(ticket, AuthorKind.SYSTEM, null, "", "", Visibility.RESELLER_NOTE,
                text, MessageSource.WEB, Instant.now());
        em.persist(note);
    }

    /** Sets the status by hand, keeping the SLA clock and the resolution time right. */
    public void changeStatus(Ticket ticket, TicketStatus status) {
        Instant now = Instant.now();
        if (status.isFinished() && !ticket.getStatus().isFinished()) {
            ticket.setResolvedAt(now);
        } else if (!status.isFinished()) {
            ticket.setResolvedAt(null);
        }
        ticket.setStatus(status);
        ticket.setUpdatedAt(now);
        ticket.setQueueDue(TicketFlow.queueDue(ticket));
    }

    /** Recomputes the due times after the priority changed: the targets of the new priority, from the start. */
    public void changePriority(Ticket ticket, Priority priority) {
        ticket.setPriority(priority);
        TicketSettings settings = em.find(TicketSettings.class, ticket.getTenantId());
        startClocks(ticket, settings, ticket.getCreatedAt());
    }

    private void startClocks(Ticket ticket, TicketSettings settings, Instant from) {
        TenantSnapshot tenant = directory.byIdFresh(ticket.getTenantId()).orElseThrow();
        BusinessHours hours = settings.businessHours(ZoneId.of(tenant.timeZone()));
        SlaTarget target = em.find(SlaTarget.class, new SlaTarget.Key(ticket.getTenantId(), ticket.getPriority()));
        if (target != null) {
            ticket.setFirstResponseDue(SlaClock.due(from, target.firstResponse(), hours));
            ticket.setResolutionDue(SlaClock.due(from, target.resolution(), hours));
        }
        ticket.setQueueDue(TicketFlow.queueDue(ticket));
    }

    private List<AttachmentPolicy.Accepted> check(List<Upload> files, Problems problems) {
        List<AttachmentPolicy.Accepted> accepted = new ArrayList<>();
        if (files == null || files.isEmpty()) {
            return accepted;
        }
        problems.check(() -> {
            attachments.checkCount(files.size(), files.stream().mapToLong(f -> f.content().length).sum());
            return "";
        });
        for (Upload file : files) {
            problems.check(() -> {
                accepted.add(attachments.check(file.fileName(), file.content()));
                return "";
            });
        }
        return accepted;
    }

    private TicketMessage store(Ticket ticket, Author author, Visibility visibility, String body, List<Upload> files,
            List<AttachmentPolicy.Accepted> accepted, MessageSource source, Instant now) {
        TicketMessage message = new TicketMessage(ticket, author.side().authorKind(), author.userId(), author.name(),
                author.publicName(), visibility, body, source, now);
        em.persist(message);
        em.flush();
        for (int i = 0; i < accepted.size(); i++) {
            byte[] content = files.get(i).content();
            Attachment attachment = new Attachment(message, accepted.get(i).fileName(), accepted.get(i).contentType(),
                    content.length, Sha256.hex(content), now);
            em.persist(attachment);
            em.flush();
            em.persist(new AttachmentContent(attachment.getId(), content));
        }
        return message;
    }

    private static String newToken() {
        char[] token = new char[24];
        for (int i = 0; i < token.length; i++) {
            token[i] = TOKEN_ALPHABET[RANDOM.nextInt(TOKEN_ALPHABET.length)];
        }
        return new String(token);
    }
}
