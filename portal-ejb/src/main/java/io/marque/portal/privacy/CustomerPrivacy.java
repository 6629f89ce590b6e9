package io.marque.portal.privacy;

import io.marque.portal.api.ApiIdempotency;
import io.marque.portal.audit.Activity;
import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.account.Account;
import io.marque.portal.billing.account.LedgerEntry;
import io.marque.portal.billing.account.Payment;
import io.marque.portal.billing.invoice.Invoice;
import io.marque.portal.billing.invoice.InvoiceDocuments;
import io.marque.portal.billing.invoice.InvoiceKind;
import io.marque.portal.billing.invoice.InvoiceLine;
import io.marque.portal.billing.invoice.InvoiceStatus;
import io.marque.portal.billing.order.CustomerOrder;
import io.marque.portal.billing.order.HostingService;
import io.marque.portal.billing.order.OrderLine;
import io.marque.portal.billing.order.ServiceStatus;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Customer;
import io.marque.portal.identity.CustomerStatus;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.SessionsRevoked;
import io.marque.portal.identity.User;
import io.marque.portal.identity.UserStatus;
import io.marque.portal.mail.OutboxMail;
import io.marque.portal.mail.inbound.ReceivedMail;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.server.Server;
import io.marque.portal.server.ServerAddress;
import io.marque.portal.server.ServerStatus;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.ticket.Attachment;
import io.marque.portal.ticket.AttachmentContent;
import io.marque.portal.ticket.AuthorKind;
import io.marque.portal.ticket.Department;
import io.marque.portal.ticket.EscalationState;
import io.marque.portal.ticket.Ticket;
import io.marque.portal.ticket.TicketMessage;
import io.marque.portal.ticket.Visibility;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import io.marque.portal.privacy.JsonDoc.JsonList;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A reseller admin hands a customer its data, or erases the customer on request.
 *
 * <p><b>Export</b> ({@link #export}): one ZIP with {@code customer.json} (the account and its logins,
 * without password hashes, second-factor secrets or tokens), {@code tickets.json} with every message the
 * customer can read in its portal (PUBLIC: its own and the answers it got; internal notes and the
 * escalation conversation are the reseller's working papers, not data the customer gave or was shown)
 * and, per escalated ticket, what the provider was shown of the customer (its pseudonym, or its name
 * where the reseller shared it), the attachments of those messages under
 * {@code attachments/<ticket number>/}, {@code servers.json}, {@code orders.json} (at the customer's
 * prices: the reseller's wholesale cost is its own business), {@code invoices.json} with the invoice
 * PDFs under {@code invoices/}, {@code balance.json} (balances, movements, payments) and
 * {@code activity.json} (the reseller's log entries made by the customer's logins or naming it).
 * Nothing of the provider's (rack, BMC, upstream ids, staff names) is in it (law 2).
 *
 * <p><b>Erasure</b> ({@link #erase}): irreversible, and idempotent — a second call finds nothing left
 * and changes nothing. Refused while the customer still has servers, running services or unpaid
 * invoices: a server in use would keep running for nobody, a service would keep billing an address
 * that cannot receive mail, and an open debt is a legal claim (art. 17(3)(e)) — release, cancel or
 * settle first. Invoices, credit notes and their lines stay exactly as issued (a legal record, kept as
 * tax law requires; they carry their recipient since V11), as do payments and ledger amounts; only the
 * "who clicked" fields that hold the customer's address are replaced. Everything else that names the
 * customer is replaced or deleted: see docs/architecture.md, "Customer data: export and erasure".
 */
@Stateless
public class CustomerPrivacy {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    AuditRecorder audit;

    @Inject
    InvoiceDocuments invoiceDocuments;

    @Inject
    DomainDirectory directory;

    @Inject
    Event<SessionsRevoked> revoked;

    /** An archive and the neutral name to download it under. */
    public record Archive(String fileName, byte[] bytes) {
    }

    /** What {@link #erase} did: how many rows of each kind it changed or removed (zero everywhere the second time). */
    public record Erased(long customerId, Map<String, Integer> changes) {

        public int total() {
            return changes.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The customer the page shows: its name and e-mail, for the confirmation step. */
    public record Subject(long id, String name, String email, boolean erased) {
    }

    public Subject subject(Actor actor, long customerId) {
        Customer customer = customerOf(actor, customerId, false);
        return new Subject(customer.getId(), customer.getName(), customer.getEmail(), Erasure.isErased(customer.getEmail()));
    }

    public Archive export(Actor actor, long customerId) {
        return export(actor, customerId, null);
    }

    /**
     * @param locale the language of the invoice PDFs; null: the reseller's default
     * @throws NotFoundException  for another tenant's customer or an unknown id
     * @throws io.marque.portal.platform.ForbiddenException unless a reseller admin asks
     */
    public Archive export(Actor actor, long customerId, Locale locale) {
        Customer customer = customerOf(actor, customerId, false);
        long tenantId = actor.tenantId();
        TenantSnapshot site = directory.byId(tenantId).orElseThrow(() -> new NotFoundException("Customer"));
        List<User> users = users(tenantId, customerId);
        CustomerArchive zip = new CustomerArchive();

        JsonList logins = new JsonList();
        for (User user : users) {
            logins.add(object().add("id", user.getId()).add("email", user.getEmail())
                    .add("displayName", user.getDisplayName()).add("status", user.getStatus().name())
                    .add("language", text(user.getLocale())).add("secondFactor", user.isTotpEnabled())
                    .add("createdAt", time(user.getCreatedAt())).add("lastSignInAt", time(user.getLastLoginAt())));
        }
        zip.json("customer.json", object().add("exportedAt", time(Instant.now())).add("by", site.displayName())
                .add("customer", object().add("id", customer.getId()).add("name", customer.getName())
                        .add("company", text(customer.getCompany())).add("email", customer.getEmail())
                        .add("status", customer.getStatus().name()).add("currency", text(customer.getCurrency()))
                        .add("createdAt", time(customer.getCreatedAt())))
                .add("logins", logins).build());

        zip.json("tickets.json", tickets(tenantId, customerId, zip).build());
        zip.json("servers.json", servers(tenantId, customerId).build());
        zip.json("orders.json", orders(tenantId, customerId).build());
        zip.json("invoices.json", invoices(actor, customerId, locale == null ? site.locale() : locale, zip).build());
        zip.json("balance.json", balance(tenantId, customerId).build());
        zip.json("activity.json", activity(tenantId, customer, users).build());

        audit.record(actor, "customer.exported", "customer " + customerId, null);
        return new Archive(ArchiveNames.archive(customerId, LocalDate.now(ZoneOffset.UTC)), zip.finish());
    }

    /**
     * Erases the customer: see the class comment.
     *
     * @param confirmation the customer's e-mail address as typed by the admin (case and surrounding
     *                     blanks ignored); an already erased customer needs none
     * @throws InvalidInputException {@code privacy.error.confirmation} when it does not match;
     *                               {@code privacy.error.servers}, {@code privacy.error.services},
     *                               {@code privacy.error.unpaid} while the customer has those
     */
    public Erased erase(Actor actor, long customerId, String confirmation) {
        Customer customer = customerOf(actor, customerId, true);
        long tenantId = actor.tenantId();
        boolean already = Erasure.isErased(customer.getEmail());
        if (!already && (confirmation == null || !confirmation.strip().equalsIgnoreCase(customer.getEmail()))) {
            throw new InvalidInputException("", "privacy.error.confirmation");
        }
        refuseWhileInUse(tenantId, customerId);

        List<User> users = users(tenantId, customerId);
        List<Long> userIds = users.stream().map(User::getId).toList();
        List<String> addresses = new ArrayList<>();
        List<String> names = new ArrayList<>();
        addresses.add(customer.getEmail());
        names.add(customer.getName());
        names.add(customer.getCompany());
        for (User user : users) {
            addresses.add(user.getEmail());
            names.add(user.getDisplayName());
        }
        List<String> values = Erasure.searchValues(addresses, names);
        String replacement = Erasure.email(customerId);
        Map<String, Integer> changes = new java.util.LinkedHashMap<>();

        // the account and its logins
        int changed = 0;
        if (!already || !Erasure.NAME.equals(customer.getName()) || customer.getCompany() != null
                || customer.getStatus() != CustomerStatus.DISABLED) {
            customer.setName(Erasure.NAME);
            customer.setCompany(null);
            customer.setEmail(replacement);
            customer.setStatus(CustomerStatus.DISABLED);
            changed++;
        }
        changes.put("customer", changed);
        changed = 0;
        for (User user : users) {
            if (Erasure.isErased(user.getEmail()) && user.getPasswordHash() == null && user.getStatus() == UserStatus.DISABLED) {
                continue;
            }
            user.setEmail(Erasure.userEmail(user.getId()));
            user.setDisplayName(Erasure.NAME);
            user.setPasswordHash(null);
            user.setStatus(UserStatus.DISABLED);
            user.setLocale(null);
            user.setTotpSecret(null);
            user.setTotpEnabled(false);
            user.setTotpLastStep(null);
            user.setFailedLogins(0);
            user.setLastFailureAt(null);
            user.setLockedUntil(null);
            user.setLastLoginAt(null);
            revoked.fire(new SessionsRevoked(user.getId()));
            changed++;
        }
        changes.put("app_user", changed);
        em.flush();
        changes.put("password_reset_token", userIds.isEmpty() ? 0
                : em.createQuery("delete from OneTimeToken t where t.tenantId = :tenant and t.userId in :users")
                        .setParameter("tenant", tenantId).setParameter("users", userIds).executeUpdate());

        // tickets: the ticket rows stay (numbers, dates, SLA figures), their words go
        List<Ticket> tickets = em.createQuery("select t from Ticket t where t.tenantId = :tenant and t.customerId = :customer",
                Ticket.class).setParameter("tenant", tenantId).setParameter("customer", customerId).getResultList();
        List<Long> ticketIds = tickets.stream().map(Ticket::getId).toList();
        List<String> escalatedSubjects = new ArrayList<>();
        changed = 0;
        for (Ticket ticket : tickets) {
            if (ticket.getEscalatedAt() != null && !Erasure.SUBJECT.equals(ticket.getSubject())) {
                escalatedSubjects.add(ticket.getSubject());
            }
            if (!Erasure.SUBJECT.equals(ticket.getSubject()) || ticket.getRatingComment() != null
                    || ticket.getRelatedService() != null || ticket.isShareCustomer() || !ticket.tagSet().isEmpty()
                    || ticket.getEscalationReason() != null && !Erasure.SUBJECT.equals(ticket.getEscalationReason())) {
                ticket.forget(Erasure.SUBJECT);
                changed++;
            }
        }
        changes.put("ticket", changed);
        changed = 0;
        int attachments = 0;
        int received = 0;
        if (!ticketIds.isEmpty()) {
            for (TicketMessage message : em.createQuery("select m from TicketMessage m where m.tenantId = :tenant"
                    + " and m.ticketId in :tickets", TicketMessage.class).setParameter("tenant", tenantId)
                    .setParameter("tickets", ticketIds).getResultList()) {
                boolean customers = message.getAuthorKind() == AuthorKind.CUSTOMER;
                if (!Erasure.TEXT.equals(message.getBody()) || customers && !Erasure.NAME.equals(message.getAuthorName())) {
                    message.forget(Erasure.TEXT, customers ? Erasure.NAME : null);
                    changed++;
                }
            }
            List<Long> attachmentIds = em.createQuery("select a.id from Attachment a where a.tenantId = :tenant"
                    + " and a.ticketId in :tickets", Long.class).setParameter("tenant", tenantId)
                    .setParameter("tickets", ticketIds).getResultList();
            if (!attachmentIds.isEmpty()) {
                em.createQuery("delete from AttachmentContent c where c.attachmentId in :ids").setParameter("ids", attachmentIds)
                        .executeUpdate();
                attachments = em.createQuery("delete from Attachment a where a.id in :ids").setParameter("ids", attachmentIds)
                        .executeUpdate();
            }
            received = em.createQuery("delete from ReceivedMail r where r.tenantId = :tenant and r.ticketId in :tickets")
                    .setParameter("tenant", tenantId).setParameter("tickets", ticketIds).executeUpdate();
        }
        changes.put("ticket_message", changed);
        changes.put("attachment", attachments);
        // mail that arrived from the customer's addresses without reaching a ticket (refused, duplicates)
        for (String address : addresses) {
            if (!Erasure.isErased(address)) {
                received += em.createQuery("delete from ReceivedMail r where r.tenantId = :tenant"
                        + " and lower(r.sender) like :a escape '!'")
                        .setParameter("tenant", tenantId).setParameter("a", "%" + likeSafe(address) + "%").executeUpdate();
            }
        }
        changes.put("inbound_mail", received);

        changes.put("outbox_mail", forgetMail(site(tenantId), addresses, tickets, escalatedSubjects));

        // servers the customer had (released or terminated): the reseller's words and the job log's address
        changed = 0;
        for (Server server : em.createQuery("select s from Server s where s.tenantId = :tenant and s.customerId = :customer",
                Server.class).setParameter("tenant", tenantId).setParameter("customer", customerId).getResultList()) {
            if (server.getResellerLabel() != null || server.getResellerNotes() != null || server.getSuspensionNote() != null) {
                server.setResellerLabel(null);
                server.setResellerNotes(null);
                server.setSuspensionNote(null);
                changed++;
            }
        }
        changes.put("server", changed);
        changes.put("server_job", userIds.isEmpty() ? 0
                : em.createQuery("update ServerJob j set j.requestedEmail = :r where j.requestedBy in :users"
                        + " and j.requestedEmail <> :r").setParameter("r", replacement).setParameter("users", userIds)
                        .executeUpdate());

        // billing: amounts, numbers and invoices stay; who-clicked fields holding the customer's address do not
        changed = 0;
        for (CustomerOrder order : em.createQuery("select o from CustomerOrder o where o.tenantId = :tenant"
                + " and o.customerId = :customer", CustomerOrder.class).setParameter("tenant", tenantId)
                .setParameter("customer", customerId).getResultList()) {
            if (order.getNote() != null || Erasure.mentions(order.getCreatedBy(), values)) {
                order.forget(Erasure.scrub(order.getCreatedBy(), values, replacement));
                changed++;
            }
        }
        changes.put("customer_order", changed);
        changed = 0;
        for (String value : values) {
            changed += em.createQuery("update LedgerEntry e set e.actor = :r where e.tenantId = :tenant and lower(e.actor) = :v")
                    .setParameter("r", replacement).setParameter("tenant", tenantId)
                    .setParameter("v", value.toLowerCase(Locale.ROOT)).executeUpdate();
            changed += em.createQuery("update Payment p set p.decidedBy = :r where p.tenantId = :tenant and lower(p.decidedBy) = :v")
                    .setParameter("r", replacement).setParameter("tenant", tenantId)
                    .setParameter("v", value.toLowerCase(Locale.ROOT)).executeUpdate();
        }
        List<Long> accounts = accountIds(tenantId, customerId);
        if (!accounts.isEmpty()) {
            changed += em.createQuery("update LedgerEntry e set e.note = null where e.tenantId = :tenant"
                    + " and e.accountId in :accounts and e.note is not null").setParameter("tenant", tenantId)
                    .setParameter("accounts", accounts).executeUpdate();
        }
        changes.put("ledger_entry_payment", changed);

        // answers the API kept for replays that name the customer (a created customer, a ticket)
        changed = 0;
        for (ApiIdempotency kept : em.createQuery("select i from ApiIdempotency i where i.tenantId = :tenant",
                ApiIdempotency.class).setParameter("tenant", tenantId).getResultList()) {
            if (Erasure.mentions(kept.getBody(), values)) {
                em.remove(kept);
                changed++;
            }
        }
        changes.put("api_idempotency", changed);

        em.flush();
        changes.put("activity", audit.forget(tenantId, userIds, values, replacement)
                + audit.forgetDetails(tenantId, tickets.stream().map(t -> "#" + t.getNumber()).toList(), Erasure.TEXT));
        int total = changes.values().stream().mapToInt(Integer::intValue).sum();
        // the entry names the customer by id only: it must not store again what was just erased
        audit.record(actor, already && total == 0 ? "customer.erase-repeated" : "customer.erased", "customer " + customerId,
                total + " rows");
        return new Erased(customerId, Map.copyOf(changes));
    }

    private void refuseWhileInUse(long tenantId, long customerId) {
        long servers = em.createQuery("select count(s) from Server s where s.tenantId = :tenant and s.customerId = :customer"
                + " and s.status <> :terminated", Long.class).setParameter("tenant", tenantId)
                .setParameter("customer", customerId).setParameter("terminated", ServerStatus.TERMINATED).getSingleResult();
        if (servers > 0) {
            throw new InvalidInputException("", "privacy.error.servers");
        }
        long services = em.createQuery("select count(s) from HostingService s where s.tenantId = :tenant"
                + " and s.customerId = :customer and s.status <> :terminated", Long.class).setParameter("tenant", tenantId)
                .setParameter("customer", customerId).setParameter("terminated", ServiceStatus.TERMINATED).getSingleResult();
        if (services > 0) {
            throw new InvalidInputException("", "privacy.error.services");
        }
        long unpaid = em.createQuery("select count(i) from Invoice i where i.tenantId = :tenant and i.customerId = :customer"
                + " and i.kind = :kind and i.status = :issued", Long.class).setParameter("tenant", tenantId)
                .setParameter("customer", customerId).setParameter("kind", InvoiceKind.CUSTOMER)
                .setParameter("issued", InvoiceStatus.ISSUED).getSingleResult();
        if (unpaid > 0) {
            throw new InvalidInputException("", "privacy.error.unpaid");
        }
    }

    /**
     * Mail the outbox keeps (sent, failed or still waiting): to the customer's addresses, and the staff
     * notices that quote its tickets — the reseller's ({@code [#number]} in the subject) and the
     * provider's about an escalation ("…from Acme Cloud: subject"). A waiting mail to an erased person
     * must not go out either.
     */
    private int forgetMail(TenantSnapshot site, List<String> addresses, List<Ticket> tickets, List<String> subjects) {
        int removed = 0;
        for (String address : addresses) {
            if (!Erasure.isErased(address)) {
                removed += em.createQuery("delete from OutboxMail m where m.tenantId = :tenant and lower(m.recipient) = :a")
                        .setParameter("tenant", site.id()).setParameter("a", address.toLowerCase(Locale.ROOT)).executeUpdate();
            }
        }
        for (Ticket ticket : tickets) {
            removed += em.createQuery("delete from OutboxMail m where m.tenantId = :tenant and m.subject like :n escape '!'")
                    .setParameter("tenant", site.id()).setParameter("n", "%[#" + ticket.getNumber() + "]%").executeUpdate();
        }
        Long provider = em.createNamedQuery("Tenant.provider", Tenant.class).getResultStream().findFirst().map(Tenant::getId)
                .orElse(null);
        if (provider != null) {
            for (String subject : subjects) {
                removed += em.createQuery("delete from OutboxMail m where m.tenantId = :tenant and lower(m.subject) like :s escape '!'")
                        .setParameter("tenant", provider)
                        .setParameter("s", "%" + likeSafe(site.displayName()) + "%: " + likeSafe(subject)).executeUpdate();
            }
        }
        return removed;
    }

    private JsonList tickets(long tenantId, long customerId, CustomerArchive zip) {
        JsonList list = new JsonList();
        for (Ticket ticket : em.createQuery("select t from Ticket t where t.tenantId = :tenant and t.customerId = :customer"
                + " order by t.number", Ticket.class).setParameter("tenant", tenantId).setParameter("customer", customerId)
                .getResultList()) {
            Department department = em.find(Department.class, ticket.getDepartmentId());
            Set<String> taken = new HashSet<>();
            JsonList messages = new JsonList();
            for (TicketMessage message : em.createQuery("select m from TicketMessage m where m.tenantId = :tenant"
                    + " and m.ticketId = :ticket and m.visibility = :public order by m.id", TicketMessage.class)
                    .setParameter("tenant", tenantId).setParameter("ticket", ticket.getId())
                    .setParameter("public", Visibility.PUBLIC).getResultList()) {
                JsonList files = new JsonList();
                for (Attachment attachment : em.createQuery("select a from Attachment a where a.tenantId = :tenant"
                        + " and a.messageId = :message order by a.id", Attachment.class).setParameter("tenant", tenantId)
                        .setParameter("message", message.getId()).getResultList()) {
                    AttachmentContent content = em.find(AttachmentContent.class, attachment.getId());
                    String path = ArchiveNames.entry("attachments/" + ticket.getNumber(), attachment.getFileName(), taken);
                    if (content != null) {
                        zip.file(path, content.getBytes());
                    }
                    files.add(object().add("name", attachment.getFileName()).add("file", content == null ? null : path)
                            .add("contentType", attachment.getContentType()).add("size", attachment.getSizeBytes()));
                }
                messages.add(object().add("from", message.getAuthorKind() == AuthorKind.CUSTOMER ? "customer" : "support")
                        .add("name", message.getPublicName()).add("at", time(message.getCreatedAt()))
                        .add("via", message.getSource().name().toLowerCase(Locale.ROOT)).add("text", message.getBody())
                        .add("attachments", files));
            }
            JsonDoc entry = object().add("number", ticket.getNumber()).add("subject", ticket.getSubject())
                    .add("department", department == null ? null : department.getName())
                    .add("status", ticket.getStatus().name()).add("priority", ticket.getPriority().name())
                    .add("relatedService", text(ticket.getRelatedService())).add("openedAt", time(ticket.getCreatedAt()))
                    .add("updatedAt", time(ticket.getUpdatedAt())).add("resolvedAt", time(ticket.getResolvedAt()))
                    .add("rating", ticket.getRating() == null ? null : ticket.getRating().toString())
                    .add("ratingComment", text(ticket.getRatingComment())).add("messages", messages);
            if (ticket.getEscalatedAt() != null) {
                // law 3: what the provider was shown of the customer on this ticket
                entry.add("passedToProvider", object().add("at", time(ticket.getEscalatedAt()))
                        .add("stillThere", ticket.getEscalationState() == EscalationState.OPEN)
                        .add("customerShownAs", ticket.isShareCustomer() ? "name" : "pseudonym")
                        .add("pseudonym", text(ticket.getCustomerPseudonym())));
            }
            list.add(entry);
        }
        return list;
    }

    private JsonList servers(long tenantId, long customerId) {
        JsonList list = new JsonList();
        for (Server server : em.createQuery("select s from Server s where s.tenantId = :tenant and s.customerId = :customer"
                + " order by s.id", Server.class).setParameter("tenant", tenantId).setParameter("customer", customerId)
                .getResultList()) {
            JsonList addresses = new JsonList();
            for (ServerAddress address : em.createQuery("select a from ServerAddress a where a.serverId = :server order by a.id",
                    ServerAddress.class).setParameter("server", server.getId()).getResultList()) {
                addresses.add(object().add("address", address.getAddress()).add("reverseDns", text(address.getPtr())));
            }
            list.add(object().add("id", server.getId()).add("hostname", server.getHostname()).add("cpu", server.getCpu())
                    .add("ramGb", server.getRamGb()).add("disks", server.getDisks()).add("location", server.getLocation())
                    .add("os", server.getOs()).add("status", server.getStatus().name()).add("addresses", addresses));
        }
        return list;
    }

    private JsonDoc orders(long tenantId, long customerId) {
        JsonList orders = new JsonList();
        for (CustomerOrder order : em.createQuery("select o from CustomerOrder o where o.tenantId = :tenant"
                + " and o.customerId = :customer order by o.id", CustomerOrder.class).setParameter("tenant", tenantId)
                .setParameter("customer", customerId).getResultList()) {
            JsonList lines = new JsonList();
            for (OrderLine line : em.createNamedQuery("OrderLine.ofOrder", OrderLine.class).setParameter("tenant", tenantId)
                    .setParameter("order", order.getId()).getResultList()) {
                lines.add(object().add("description", line.getDescription())
                        .add("amount", amount(new Money(line.getRetailAmount(), order.getCurrency()))));
            }
            orders.add(object().add("id", order.getId()).add("status", order.getStatus().name())
                    .add("cycle", order.getCycle().name()).add("total", amount(order.retailTotal()))
                    .add("currency", order.getCurrency()).add("placedAt", time(order.getCreatedAt()))
                    .add("paidAt", time(order.getPaidAt())).add("provisionedAt", time(order.getProvisionedAt()))
                    .add("cancelledAt", time(order.getCancelledAt())).add("lines", lines));
        }
        JsonList services = new JsonList();
        for (HostingService service : em.createNamedQuery("HostingService.ofCustomer", HostingService.class)
                .setParameter("tenant", tenantId).setParameter("customer", customerId).getResultList()) {
            services.add(object().add("id", service.getId()).add("order", service.getOrderId())
                    .add("status", service.getStatus().name()).add("cycle", service.getCycle().name())
                    .add("price", amount(service.retail())).add("currency", service.getCurrency())
                    .add("startedOn", service.getStartedOn().toString()).add("nextDueOn", service.getNextDueOn().toString()));
        }
        return object().add("orders", orders).add("services", services);
    }

    private JsonList invoices(Actor actor, long customerId, Locale locale, CustomerArchive zip) {
        JsonList list = new JsonList();
        Set<String> taken = new HashSet<>();
        for (Invoice invoice : em.createQuery("select i from Invoice i where i.tenantId = :tenant and i.customerId = :customer"
                + " and i.kind <> :wholesale order by i.id", Invoice.class).setParameter("tenant", actor.tenantId())
                .setParameter("customer", customerId).setParameter("wholesale", InvoiceKind.WHOLESALE).getResultList()) {
            JsonList lines = new JsonList();
            for (InvoiceLine line : em.createQuery("select l from InvoiceLine l where l.invoiceId = :invoice order by l.position",
                    InvoiceLine.class).setParameter("invoice", invoice.getId()).getResultList()) {
                lines.add(object().add("description", line.getDescription()).add("quantity", line.getQuantity())
                        .add("unit", amount(new Money(line.getUnitAmount(), invoice.getCurrency())))
                        .add("amount", amount(new Money(line.getAmount(), invoice.getCurrency()))));
            }
            InvoiceDocuments.File pdf = invoiceDocuments.pdf(actor, invoice.getId(), locale);
            String path = ArchiveNames.entry("invoices", pdf.name(), taken);
            zip.file(path, pdf.bytes());
            list.add(object().add("number", invoice.getNumber()).add("kind", invoice.getKind().name())
                    .add("status", invoice.getStatus().name()).add("issuedOn", invoice.getIssuedOn().toString())
                    .add("dueOn", invoice.effectiveDueOn().toString()).add("currency", invoice.getCurrency())
                    .add("subtotal", amount(invoice.subtotal())).add("tax", amount(invoice.tax()))
                    .add("lateFee", amount(invoice.lateFee())).add("total", amount(invoice.total()))
                    .add("paidAt", time(invoice.getPaidAt()))
                    .add("billedTo", object().add("name", text(invoice.getBillToName()))
                            .add("company", text(invoice.getBillToCompany())).add("email", text(invoice.getBillToEmail())))
                    .add("lines", lines).add("pdf", path));
        }
        return list;
    }

    private JsonList balance(long tenantId, long customerId) {
        JsonList list = new JsonList();
        for (Account account : em.createQuery("select a from Account a where a.tenantId = :tenant and a.customerId = :customer"
                + " order by a.id", Account.class).setParameter("tenant", tenantId).setParameter("customer", customerId)
                .getResultList()) {
            JsonList movements = new JsonList();
            for (LedgerEntry entry : em.createQuery("select e from LedgerEntry e where e.tenantId = :tenant"
                    + " and e.accountId = :account order by e.id", LedgerEntry.class).setParameter("tenant", tenantId)
                    .setParameter("account", account.getId()).getResultList()) {
                movements.add(object().add("kind", entry.getKind().name()).add("amount", amount(entry.amount()))
                        .add("balanceAfter", amount(entry.balanceAfter())).add("note", text(entry.getNote()))
                        .add("at", time(entry.getCreatedAt())));
            }
            JsonList payments = new JsonList();
            for (Payment payment : em.createNamedQuery("Payment.ofAccount", Payment.class).setParameter("tenant", tenantId)
                    .setParameter("account", account.getId()).getResultList()) {
                payments.add(object().add("method", payment.getMethod()).add("status", payment.getStatus().name())
                        .add("amount", amount(payment.amount())).add("reference", payment.getReference())
                        .add("at", time(payment.getCreatedAt())).add("decidedAt", time(payment.getDecidedAt())));
            }
            list.add(object().add("currency", account.getCurrency()).add("balance", amount(account.balance()))
                    .add("movements", movements).add("payments", payments));
        }
        return list;
    }

    private JsonList activity(long tenantId, Customer customer, List<User> users) {
        List<Long> userIds = users.stream().map(User::getId).toList();
        List<String> addresses = new ArrayList<>();
        addresses.add(customer.getEmail());
        users.forEach(u -> addresses.add(u.getEmail()));
        Map<Long, Activity> entries = new java.util.TreeMap<>();
        if (!userIds.isEmpty()) {
            em.createQuery("select a from Activity a where a.tenantId = :tenant and a.actorUserId in :users", Activity.class)
                    .setParameter("tenant", tenantId).setParameter("users", userIds).setMaxResults(10_000).getResultStream()
                    .forEach(a -> entries.put(a.getId(), a));
        }
        for (String address : addresses) {
            em.createQuery("select a from Activity a where a.tenantId = :tenant and (lower(a.target) = :a or lower(a.actor) = :a)",
                    Activity.class).setParameter("tenant", tenantId).setParameter("a", address.toLowerCase(Locale.ROOT))
                    .setMaxResults(10_000).getResultStream().forEach(a -> entries.put(a.getId(), a));
        }
        JsonList list = new JsonList();
        for (Activity entry : entries.values()) {
            list.add(object().add("at", time(entry.getCreatedAt())).add("who", entry.getActor())
                    .add("action", entry.getAction()).add("target", text(entry.getTarget()))
                    .add("detail", text(entry.getDetail())).add("from", text(entry.getClientAddress())));
        }
        return list;
    }

    /** The customer of the actor's tenant, for a reseller admin only; another tenant's is "not found". */
    private Customer customerOf(Actor actor, long customerId, boolean lock) {
        actor.require(Role.RESELLER_ADMIN);
        var query = em.createQuery("select c from Customer c where c.tenantId = :tenant and c.id = :id", Customer.class)
                .setParameter("tenant", actor.tenantId()).setParameter("id", customerId);
        if (lock) {
            // two admins erasing at once: the second waits, then finds it erased
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst().orElseThrow(() -> new NotFoundException("Customer"));
    }

    private List<User> users(long tenantId, long customerId) {
        return em.createNamedQuery("User.ofCustomer", User.class).setParameter("tenant", tenantId)
                .setParameter("customer", customerId).getResultList();
    }

    private List<Long> accountIds(long tenantId, long customerId) {
        return em.createQuery("select a.id from Account a where a.tenantId = :tenant and a.customerId = :customer", Long.class)
                .setParameter("tenant", tenantId).setParameter("customer", customerId).getResultList();
    }

    private TenantSnapshot site(long tenantId) {
        return directory.byId(tenantId).orElseThrow(() -> new NotFoundException("Customer"));
    }

    private static String likeSafe(String value) {
        return value.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static JsonDoc object() {
        return new JsonDoc();
    }

    private static String text(String value) {
        return value;
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    private static String amount(Money money) {
        return money.amount().toPlainString();
    }
}
