package io.marque.portal.ticket;

import io.marque.portal.identity.Customer;
import io.marque.portal.identity.User;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.SchemaMigration;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads tickets for the desks: lists with keyset paging and filters, and a ticket page with only the
 * messages its reader may read ({@link VisibilityPolicy#readable}). It never decides whether the reader
 * may open a ticket: the desks do, before they call it.
 *
 * <p>Search uses PostgreSQL's full-text index (subjects and message bodies, restricted to the
 * visibilities the reader may read); on the embedded H2 it falls back to a case-insensitive substring
 * match over the same texts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TicketQueries {

    public static final int MAX_SEARCH = 100;

    /** Counters count this far exactly; beyond, "99+" (see {@link #count}). */
    public static final int COUNT_CAP = 99;

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    DomainDirectory directory;

    @EJB
    SchemaMigration schema;

    public Optional<Ticket> byNumber(long tenantId, long number) {
        return em.createNamedQuery("Ticket.byNumber", Ticket.class).setParameter("tenant", tenantId)
                .setParameter("number", number).getResultStream().findFirst();
    }

    public Optional<Ticket> byId(long tenantId, long id) {
        return em.createNamedQuery("Ticket.byId", Ticket.class).setParameter("tenant", tenantId)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /**
     * One page of tickets; see {@link TicketQuery}. One query fetches the tickets with their
     * department, assignee and customer names, read-only (they only become summaries).
     */
    public List<TicketSummary> list(TicketQuery query) {
        StringBuilder jpql = new StringBuilder("select t, d.name, u.displayName, c.name from Ticket t"
                + " join Department d on d.id = t.departmentId join Customer c on c.id = t.customerId"
                + " left join User u on u.id = t.assigneeId where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        conditions(query, jpql, params);
        Optional<TicketCursor> cursor = TicketCursor.parse(query.cursor(), query.byDue());
        if (cursor.isPresent()) {
            if (query.byDue()) {
                jpql.append(" and (t.queueDue > :afterDue or (t.queueDue = :afterDue and t.id > :afterId))");
                params.put("afterDue", cursor.get().due());
                params.put("afterId", cursor.get().id());
            } else {
                jpql.append(" and t.id < :beforeId");
                params.put("beforeId", cursor.get().id());
            }
        }
        jpql.append(query.byDue() ? " order by t.queueDue, t.id" : " order by t.id desc");
        TypedQuery<Object[]> typed = em.createQuery(jpql.toString(), Object[].class).setMaxResults(query.limit())
                .setHint(QueryHints.READ_ONLY, HintValues.TRUE);
        params.forEach(typed::setParameter);
        Instant now = Instant.now();
        return typed.getResultStream().map(row -> summary((Ticket) row[0], (String) row[1], (String) row[2],
                (String) row[3], query.viewer(), now)).toList();
    }

    /**
     * How many tickets a list holds, counted up to {@link #COUNT_CAP} and one more: a counter beside a
     * queue says "99+" past that, so a page never counts ten thousand escalations to show a badge.
     */
    public long count(TicketQuery query) {
        StringBuilder jpql = new StringBuilder("select t.id from Ticket t where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        conditions(query, jpql, params);
        TypedQuery<Long> typed = em.createQuery(jpql.toString(), Long.class).setMaxResults(COUNT_CAP + 1)
                .setHint(QueryHints.READ_ONLY, HintValues.TRUE);
        params.forEach(typed::setParameter);
        return typed.getResultList().size();
    }

    private void conditions(TicketQuery query, StringBuilder jpql, Map<String, Object> params) {
        if (query.tenantId() != null) {
            jpql.append(" and t.tenantId = :tenant");
            params.put("tenant", query.tenantId());
        } else if (!query.escalatedOnly()) {
            throw new IllegalArgumentException("Only the escalation queue spans tenants");
        }
        if (query.customerId() != null) {
            jpql.append(" and t.customerId = :customer");
            params.put("customer", query.customerId());
        }
        if (query.unassigned()) {
            jpql.append(" and t.assigneeId is null");
        } else if (query.assigneeId() != null) {
            jpql.append(" and t.assigneeId = :assignee");
            params.put("assignee", query.assigneeId());
        }
        if (query.escalatedOnly()) {
            jpql.append(" and t.escalationState = :escalation");
            params.put("escalation", EscalationState.OPEN);
        }
        if (query.dueBefore() != null) {
            jpql.append(" and t.queueDue < :dueBefore");
            params.put("dueBefore", query.dueBefore());
        }
        if (query.departmentId() != null) {
            jpql.append(" and t.departmentId = :department");
            params.put("department", query.departmentId());
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            jpql.append(" and t.status in :statuses");
            params.put("statuses", query.statuses());
        }
        if (query.priority() != null) {
            jpql.append(" and t.priority = :priority");
            params.put("priority", query.priority());
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            jpql.append(" and t.tags like :tag escape '\\'");
            String tag = Tags.parse(query.tag()).stream().findFirst().orElse("");
            params.put("tag", "% " + tag.replace("_", "\\_") + " %");
        }
        String search = query.search() == null ? "" : query.search().strip();
        if (search.length() > MAX_SEARCH) {
            throw new InvalidInputException("q", "error.text.invalid");
        }
        if (!search.isEmpty()) {
            if (query.tenantId() == null) {
                throw new IllegalArgumentException("A search names its tenant");
            }
            jpql.append(searchCondition());
            params.put("visibilities", VisibilityPolicy.readable(query.viewer(), EscalationState.OPEN));
            params.put("q", schema.postgreSql() ? search : likePattern(search));
        }
    }

    /** The ticket as {@code viewer} may see it. */
    public TicketDetail detail(Ticket ticket, Viewer viewer) {
        Set<Visibility> readable = VisibilityPolicy.readable(viewer, ticket.getEscalationState());
        List<TicketMessage> messages = readable.isEmpty() ? List.of() : em.createQuery(
                "select m from TicketMessage m where m.tenantId = :tenant and m.ticketId = :ticket"
                        + " and m.visibility in :visibilities order by m.id", TicketMessage.class)
                .setParameter("tenant", ticket.getTenantId()).setParameter("ticket", ticket.getId())
                .setParameter("visibilities", readable).getResultList();
        Map<Long, List<AttachmentView>> files = new HashMap<>();
        if (!messages.isEmpty()) {
            em.createQuery("select a from Attachment a where a.tenantId = :tenant and a.messageId in :messages"
                    + " order by a.id", Attachment.class)
                    .setParameter("tenant", ticket.getTenantId())
                    .setParameter("messages", messages.stream().map(TicketMessage::getId).toList())
                    .getResultStream()
                    .forEach(a -> files.computeIfAbsent(a.getMessageId(), k -> new ArrayList<>())
                            .add(new AttachmentView(a.getId(), a.getFileName(), a.getContentType(), a.getSizeBytes())));
        }
        boolean seesCustomer = VisibilityPolicy.seesCustomer(viewer, ticket.isShareCustomer());
        // to the customer a provider answer is one of the reseller's, down to the kind of author (law 4)
        List<MessageView> views = messages.stream().map(m -> new MessageView(m.getId(),
                viewer == Viewer.CUSTOMER && m.getAuthorKind() == AuthorKind.PROVIDER ? AuthorKind.RESELLER : m.getAuthorKind(),
                author(m, viewer, seesCustomer, ticket), m.getVisibility(), m.getBody(), m.getCreatedAt(),
                files.getOrDefault(m.getId(), List.of()))).toList();
        TicketSummary summary = summary(ticket, viewer);
        Customer customer = seesCustomer ? em.find(Customer.class, ticket.getCustomerId()) : null;
        Long mergedInto = ticket.getMergedIntoId() == null ? null : em.find(Ticket.class, ticket.getMergedIntoId()).getNumber();
        Set<Visibility> writable = EnumSet.noneOf(Visibility.class);
        for (Visibility visibility : Visibility.values()) {
            if (VisibilityPolicy.mayWrite(viewer, visibility, ticket.getEscalationState(), ticket.isProviderMayReply())) {
                writable.add(visibility);
            }
        }
        return new TicketDetail(summary, seesCustomer ? ticket.getCustomerId() : null,
                customer == null ? null : customer.getEmail(), ticket.getDepartmentId(), ticket.getAssigneeId(),
                ticket.getRelatedService(), viewer == Viewer.CUSTOMER ? null : ticket.getEscalationReason(),
                ticket.isProviderMayReply(), ticket.isShareCustomer(), ticket.getRating(), ticket.getRatingComment(),
                mergedInto, views, writable);
    }

    /**
     * The name a reader sees on a message: the author's own name on the author's side, the public name
     * elsewhere, and for the provider a customer it may not know by name is its pseudonym.
     */
    private static String author(TicketMessage message, Viewer viewer, boolean seesCustomer, Ticket ticket) {
        if (message.getAuthorKind() == AuthorKind.CUSTOMER && !seesCustomer) {
            return ticket.getCustomerPseudonym();
        }
        return VisibilityPolicy.seesAuthorName(viewer, message.getAuthorKind()) ? message.getAuthorName()
                : message.getPublicName();
    }

    /** The stored bytes of an attachment, after the desk has checked the reader may see its message. */
    public Optional<Attachment> attachment(long tenantId, long attachmentId) {
        return em.createQuery("select a from Attachment a where a.tenantId = :tenant and a.id = :id", Attachment.class)
                .setParameter("tenant", tenantId).setParameter("id", attachmentId).getResultStream().findFirst();
    }

    public byte[] content(Attachment attachment) {
        return em.find(AttachmentContent.class, attachment.getId()).getBytes();
    }

    public Visibility visibilityOf(long tenantId, long messageId) {
        return em.createQuery("select m.visibility from TicketMessage m where m.tenantId = :tenant and m.id = :id",
                Visibility.class).setParameter("tenant", tenantId).setParameter("id", messageId).getSingleResult();
    }

    /**
     * Subject or a readable message holds every word. On PostgreSQL the messages are found first, through
     * the full-text index (an uncorrelated {@code in}, so the index answers once and the tickets are
     * checked against the result), with lexemes and query both in the tenant's form (see
     * {@code V2_1__ticket_search.sql}).
     */
    private String searchCondition() {
        if (schema.postgreSql()) {
            return " and (SQL('? @@ marque_search_query(?, ?)', COLUMN('search_vector', t), :tenant, :q) = TRUE"
                    + " or t.id in (select m.ticketId from TicketMessage m where m.tenantId = :tenant"
                    + " and m.visibility in :visibilities"
                    + " and SQL('? @@ marque_search_query(?, ?)', COLUMN('search_vector', m), :tenant, :q) = TRUE))";
        }
        return " and (lower(t.subject) like :q escape '\\' or exists (select m.id from TicketMessage m"
                + " where m.tenantId = t.tenantId and m.ticketId = t.id and m.visibility in :visibilities"
                + " and lower(m.body) like :q escape '\\'))";
    }

    private static String likePattern(String search) {
        return "%" + search.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private TicketSummary summary(Ticket ticket, Viewer viewer) {
        Department department = em.find(Department.class, ticket.getDepartmentId());
        User assignee = ticket.getAssigneeId() == null ? null : em.find(User.class, ticket.getAssigneeId());
        Customer customer = em.find(Customer.class, ticket.getCustomerId());
        return summary(ticket, department.getName(), assignee == null ? null : assignee.getDisplayName(),
                customer.getName(), viewer, Instant.now());
    }

    /** A list line, with what the viewer may not see left out: the customer for the provider, staff matters for the customer. */
    private TicketSummary summary(Ticket t, String department, String assignee, String customer, Viewer viewer,
            Instant now) {
        boolean seesCustomer = VisibilityPolicy.seesCustomer(viewer, t.isShareCustomer());
        return new TicketSummary(t.getId(), t.getNumber(), t.getSubject(), t.getStatus(), t.getPriority(), department,
                seesCustomer ? customer : t.getCustomerPseudonym(), !seesCustomer,
                viewer == Viewer.CUSTOMER ? null : assignee, t.getUpdatedAt(), t.getQueueDue(),
                viewer == Viewer.CUSTOMER ? SlaState.NONE : SlaState.of(t.getQueueDue(), now), t.getEscalationState(),
                t.tagSet(), viewer == Viewer.PROVIDER
                        ? directory.byId(t.getTenantId()).map(TenantSnapshot::displayName).orElse("") : null);
    }

}
