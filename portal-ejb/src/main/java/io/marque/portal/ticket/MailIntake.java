package io.marque.portal.ticket;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Customer;
import io.marque.portal.identity.CustomerStatus;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.User;
import io.marque.portal.identity.UserStatus;
import io.marque.portal.identity.Users;
import io.marque.portal.mail.inbound.InboundMail;
import io.marque.portal.mail.inbound.ReceivedMail;
import io.marque.portal.mail.inbound.ReplyText;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a mail that reached a reseller's support address into a ticket message, or a new ticket, in
 * one transaction with its record in {@code inbound_mail} and its audit entry. Both ways mail arrives
 * (fetched from the reseller's IMAP mailbox, or piped in by a mail server) end here.
 *
 * <p>The ticket is found by, in this order: the reply token in the address the mail was sent to
 * ({@link ReplyAddress}), which the portal's own mails carry in {@code Reply-To}; the thread headers
 * naming a mail of the ticket ({@link MailThreading#lookupIds}); the {@code [#number]} in the subject.
 * Every look-up names the tenant, so another reseller's token, thread or number finds nothing here.
 *
 * <p>Whoever a mail says it is from must be an active user of the ticket's customer, or it changes
 * nothing and tells nothing: a stranger hears nothing back, whichever ticket the mail named. A known
 * customer writing without a ticket opens one. Mails from machines (auto-replies, lists, bounces) are
 * never answered or added, so two auto-responders cannot start a loop through the portal.
 *
 * <p>Idempotent: a mail is known by its {@code Message-ID} (or a digest of its bytes), and the unique
 * key on {@code inbound_mail} makes a second copy {@link Outcome#DUPLICATE}; two copies accepted at
 * the same moment cannot both commit. Nothing here throws for a bad mail, because a mail server
 * would only deliver it again: bad input is an outcome.
 */
@Stateless
public class MailIntake {

    private static final Logger LOG = Logger.getLogger(MailIntake.class.getName());

    /** What became of a mail. */
    public enum Outcome {
        /** added as a customer message to its ticket */
        ADDED,
        /** a known customer wrote without naming a ticket: a new ticket */
        TICKET_OPENED,
        /** this mail was accepted before; nothing changed */
        DUPLICATE,
        /** sent by a machine (auto-reply, list, bounce); recorded, not added */
        IGNORED_AUTOMATIC,
        /** the sender is not an active user of the ticket's customer, or of any customer */
        REJECTED_SENDER,
        /** nothing new was written above the quoted history */
        REJECTED_EMPTY,
        /** not a mail; only logged */
        REJECTED_UNPARSEABLE
    }

    /** The ticket a decision concerns, if any, and what to note about it. */
    private record Decision(Outcome outcome, Ticket ticket, String detail) {
    }

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    DomainDirectory directory;

    @Inject
    Users users;

    @Inject
    TicketQueries queries;

    @Inject
    TicketWriter writer;

    @Inject
    AuditRecorder audit;

    private final AttachmentPolicy attachments = new AttachmentPolicy();

    /** As {@link #accept(long, byte[], String)}, for a caller with nothing to say about where the mail came from. */
    public Outcome accept(long tenantId, byte[] raw) {
        return accept(tenantId, raw, null);
    }

    /**
     * Accepts one raw mail for a reseller.
     *
     * @param tenantId the reseller whose support address or mailbox the mail reached
     * @param raw      the complete RFC 822 message
     * @param origin   where it came from, for the activity log ({@code "imap"}, a client address), or null
     * @return what became of it
     */
    public Outcome accept(long tenantId, byte[] raw, String origin) {
        TenantSnapshot tenant = directory.byIdFresh(tenantId)
                .filter(t -> !t.isProvider())
                .orElseThrow(() -> new IllegalArgumentException("No reseller " + tenantId));
        InboundMail mail;
        try {
            mail = InboundMail.parse(raw);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.INFO, "Tenant {0}: refused a mail of {1} bytes that cannot be read: {2}",
                    new Object[] {tenantId, raw == null ? 0 : raw.length, e.getMessage()});
            return Outcome.REJECTED_UNPARSEABLE;
        }
        String messageId = MailThreading.storedId(mail.messageId(), raw);
        if (alreadyReceived(tenantId, messageId)) {
            audit.recordAnonymous(tenantId, mail.fromAddress(), "mail.received", "", Outcome.DUPLICATE.name(), origin);
            return Outcome.DUPLICATE;
        }

        Decision decision = decide(tenant, mail, messageId);
        Ticket ticket = decision.ticket();
        em.persist(new ReceivedMail(tenantId, messageId, mail.fromAddress(), mail.subject(), decision.outcome().name(),
                ticket == null ? null : ticket.getId(), decision.detail(), Instant.now()));
        // the unique key speaks now rather than at commit: a copy accepted in parallel fails here
        em.flush();
        audit.recordAnonymous(tenantId, mail.fromAddress(), "mail.received",
                ticket == null ? "" : "#" + ticket.getNumber(), decision.outcome().name(), origin);
        return decision.outcome();
    }

    private boolean alreadyReceived(long tenantId, String messageId) {
        return !em.createNamedQuery("ReceivedMail.byMessageId", ReceivedMail.class).setParameter("tenant", tenantId)
                .setParameter("messageId", messageId).setMaxResults(1).getResultList().isEmpty();
    }

    private Decision decide(TenantSnapshot tenant, InboundMail mail, String messageId) {
        if (mail.automatic()) {
            return new Decision(Outcome.IGNORED_AUTOMATIC, null, null);
        }
        long tenantId = tenant.id();
        Optional<Sender> sender = sender(tenantId, mail.fromAddress());
        Optional<Ticket> found = ticketOf(tenant, mail);

        if (found.isPresent()) {
            Ticket ticket = found.get();
            // a stranger learns nothing, and the record names no ticket for it either
            if (sender.isEmpty() || !sender.get().customer().getId().equals(ticket.getCustomerId())) {
                return new Decision(Outcome.REJECTED_SENDER, null, null);
            }
            Body body = body(mail);
            if (body.text().isEmpty()) {
                return new Decision(Outcome.REJECTED_EMPTY, ticket, null);
            }
            MailFiles files = files(mail);
            em.refresh(ticket, LockModeType.PESSIMISTIC_WRITE);
            TicketMessage message = writer.add(ticket, sender.get().author(), Visibility.PUBLIC, body.text(),
                    files.accepted(), MessageSource.MAIL);
            String idNote = remember(message, messageId);
            return new Decision(Outcome.ADDED, ticket, detail(body, files, idNote));
        }

        if (sender.isEmpty()) {
            return new Decision(Outcome.REJECTED_SENDER, null, null);
        }
        Body body = body(mail);
        if (body.text().isEmpty()) {
            return new Decision(Outcome.REJECTED_EMPTY, null, null);
        }
        Department department = em.createNamedQuery("Department.ofTenant", Department.class)
                .setParameter("tenant", tenantId).getResultStream().filter(Department::isActive).findFirst()
                // every reseller keeps one active department (TicketAdministration): a broken tenant is loud,
                // and the mail stays unread or is offered again by its server until it is repaired
                .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " has no active department"));
        MailFiles files = files(mail);
        Ticket ticket = writer.open(tenantId, sender.get().customer().getId(), sender.get().author(),
                new NewTicket(department.getId(), MailThreading.ticketSubject(mail.subject()), body.text(),
                        Priority.NORMAL, null),
                files.accepted(), MessageSource.MAIL);
        TicketMessage first = em.createQuery("select m from TicketMessage m where m.tenantId = :tenant"
                + " and m.ticketId = :ticket order by m.id", TicketMessage.class)
                .setParameter("tenant", tenantId).setParameter("ticket", ticket.getId()).setMaxResults(1)
                .getSingleResult();
        String idNote = remember(first, messageId);
        return new Decision(Outcome.TICKET_OPENED, ticket, detail(body, files, idNote));
    }

    // --- who wrote ----------------------------------------------------------------------------

    /** An active customer user, with the customer it speaks for and how its messages are signed. */
    private record Sender(User user, Customer customer) {
        TicketWriter.Author author() {
            return new TicketWriter.Author(Viewer.CUSTOMER, user.getId(), customer.getName(), customer.getName());
        }
    }

    private Optional<Sender> sender(long tenantId, String address) {
        return users.byEmail(tenantId, address)
                .filter(u -> u.getStatus() == UserStatus.ACTIVE && u.getCustomerId() != null && u.hasRole(Role.CUSTOMER))
                .flatMap(u -> {
                    Customer customer = em.find(Customer.class, u.getCustomerId());
                    return customer != null && customer.getTenantId() == tenantId
                            && customer.getStatus() == CustomerStatus.ACTIVE
                            ? Optional.of(new Sender(u, customer)) : Optional.empty();
                });
    }

    // --- which ticket -------------------------------------------------------------------------

    private Optional<Ticket> ticketOf(TenantSnapshot tenant, InboundMail mail) {
        long tenantId = tenant.id();
        Optional<Ticket> ticket = byReplyToken(tenant, mail.recipients());
        if (ticket.isEmpty()) {
            ticket = byThread(tenantId, MailThreading.lookupIds(mail.references()));
        }
        if (ticket.isEmpty()) {
            OptionalLong number = MailThreading.subjectNumber(mail.subject());
            if (number.isPresent()) {
                ticket = queries.byNumber(tenantId, number.getAsLong());
            }
        }
        return ticket.map(t -> mergedTarget(tenantId, t));
    }

    private Optional<Ticket> byReplyToken(TenantSnapshot tenant, List<String> recipients) {
        if (tenant.supportEmail() == null || !tenant.supportEmail().contains("@")) {
            return Optional.empty();
        }
        for (String recipient : recipients) {
            Optional<String> token = ReplyAddress.tokenIn(recipient, tenant.supportEmail());
            if (token.isPresent()) {
                Optional<Ticket> ticket = em.createNamedQuery("Ticket.byReplyToken", Ticket.class)
                        .setParameter("tenant", tenant.id()).setParameter("token", token.get())
                        .getResultStream().findFirst();
                if (ticket.isPresent()) {
                    return ticket;
                }
            }
        }
        return Optional.empty();
    }

    /** The ticket whose first mail, or one of whose messages, is named by the thread ids. */
    private Optional<Ticket> byThread(long tenantId, List<String> ids) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> known = new HashMap<>();
        em.createQuery("select m.mailMessageId, m.ticketId from TicketMessage m where m.tenantId = :tenant"
                + " and m.mailMessageId in :ids", Object[].class)
                .setParameter("tenant", tenantId).setParameter("ids", ids).getResultStream()
                .forEach(row -> known.put((String) row[0], (Long) row[1]));
        em.createQuery("select t.threadMessageId, t.id from Ticket t where t.tenantId = :tenant"
                + " and t.threadMessageId in :ids", Object[].class)
                .setParameter("tenant", tenantId).setParameter("ids", ids).getResultStream()
                .forEach(row -> known.put((String) row[0], (Long) row[1]));
        return MailThreading.firstKnown(ids, known).flatMap(id -> queries.byId(tenantId, id));
    }

    /** A merged ticket lives on in the one it was merged into. */
    private Ticket mergedTarget(long tenantId, Ticket ticket) {
        Ticket current = ticket;
        for (int hops = 0; current.getMergedIntoId() != null && hops < 5; hops++) {
            Optional<Ticket> target = queries.byId(tenantId, current.getMergedIntoId());
            if (target.isEmpty()) {
                break;
            }
            current = target.get();
        }
        return current;
    }

    // --- what it says -------------------------------------------------------------------------

    /** The new text of the mail, as a message body; {@code clipped} if it was longer than a message may be. */
    private record Body(String text, boolean clipped) {
    }

    /**
     * The text above the quoted history, cleaned as {@link MessageBody} does. Checked here rather than
     * left to {@link TicketWriter}: its refusal would roll back the record of the mail as well.
     */
    private static Body body(InboundMail mail) {
        String text = ReplyText.strip(mail.text());
        try {
            return new Body(MessageBody.clean("body", text), false);
        } catch (InvalidInputException e) {
            if (text.isBlank() || e.problems().containsValue("error.required")) {
                return new Body("", false);
            }
            int end = MessageBody.MAX_LENGTH;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            return new Body(MessageBody.clean("body", text.substring(0, end)), true);
        }
    }

    /** The files that may be kept, and a note of those that may not. */
    private record MailFiles(List<Upload> accepted, List<String> refused) {
    }

    /**
     * Checks each file as {@link TicketWriter} will, and keeps only those it will take, so that a
     * refused file never costs the message its text.
     */
    private MailFiles files(InboundMail mail) {
        List<Upload> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        long total = 0;
        for (InboundMail.Attachment file : mail.attachments()) {
            try {
                attachments.check(file.fileName(), file.content());
                attachments.checkCount(accepted.size() + 1, total + file.content().length);
                accepted.add(new Upload(file.fileName(), file.content()));
                total += file.content().length;
            } catch (InvalidInputException e) {
                String name = file.fileName().isBlank() ? "(unnamed)" : file.fileName();
                refused.add(name + " (" + e.problems().getOrDefault(AttachmentPolicy.FIELD, "refused") + ")");
            }
        }
        return new MailFiles(accepted, refused);
    }

    /**
     * Keeps the mail's id on the message, so a later mail in the same thread finds the ticket. An id the
     * tenant already uses for another message (a sender who copied one of the portal's own ids) is not
     * stored: the unique index would refuse the whole mail.
     */
    private String remember(TicketMessage message, String messageId) {
        long taken = em.createQuery("select count(m) from TicketMessage m where m.tenantId = :tenant"
                + " and m.mailMessageId = :id", Long.class).setParameter("tenant", message.getTenantId())
                .setParameter("id", messageId).getSingleResult();
        if (taken > 0) {
            return "Message-ID already used by another message; not kept";
        }
        message.setMailMessageId(messageId);
        return null;
    }

    private static String detail(Body body, MailFiles files, String idNote) {
        List<String> notes = new ArrayList<>();
        if (!files.refused().isEmpty()) {
            notes.add("refused files: " + String.join(", ", files.refused()));
        }
        if (body.clipped()) {
            notes.add("text clipped to " + MessageBody.MAX_LENGTH + " characters");
        }
        if (idNote != null) {
            notes.add(idNote);
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }
}
