package io.marque.portal.ticket;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Fields;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.platform.Problems;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reseller admin's ticket settings: departments, SLA targets and business hours, the alias provider
 * replies appear under with the escalation defaults, and canned replies. Everything is the actor's own
 * tenant's; another tenant's department or canned reply is not found.
 */
@Stateless
public class TicketAdministration {

    /** The longest SLA target accepted: 60 business days of 24 hours. */
    static final int MAX_MINUTES = 60 * 24 * 60;

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    AuditRecorder audit;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TicketSettingsView settings(Actor actor) {
        actor.require(Role.RESELLER_ADMIN);
        TicketSettings settings = settings(actor.tenantId(), false);
        Map<Priority, int[]> targets = new EnumMap<>(Priority.class);
        em.createNamedQuery("SlaTarget.ofTenant", SlaTarget.class).setParameter("tenant", actor.tenantId())
                .getResultStream().forEach(t -> targets.put(t.getPriority(),
                        new int[] {t.getFirstResponseMinutes(), t.getResolutionMinutes()}));
        return new TicketSettingsView(settings.getProviderAlias(), settings.isProviderMayReply(),
                settings.isShareCustomer(), settings.days(), settings.getOpensAt(), settings.getClosesAt(), targets);
    }

    /**
     * Saves the settings. New tickets use the new targets and hours; open tickets keep the due times
     * they were given.
     *
     * @throws InvalidInputException listing every bad field
     */
    public void saveSettings(Actor actor, TicketSettingsView change) {
        actor.require(Role.RESELLER_ADMIN);
        Problems problems = new Problems();
        String alias = problems.check(() -> Fields.text("providerAlias", change.providerAlias(), 80));
        Set<DayOfWeek> days = change.businessDays();
        if (days == null || days.isEmpty()) {
            problems.add("businessDays", "error.businessDays.empty");
        }
        LocalTime opens = time(problems, "opensAt", change.opensAt());
        LocalTime closes = time(problems, "closesAt", change.closesAt());
        // equal times mean open all day (BusinessHours); a day that ends before it starts is a typo
        if (opens != null && closes != null && closes.isBefore(opens)) {
            problems.add("closesAt", "error.businessHours.order");
        }
        for (Priority priority : Priority.values()) {
            int[] minutes = change.targets() == null ? null : change.targets().get(priority);
            if (minutes == null || minutes.length != 2 || minutes[0] < 1 || minutes[1] < 1
                    || minutes[0] > MAX_MINUTES || minutes[1] > MAX_MINUTES || minutes[0] > minutes[1]) {
                problems.add("target" + priority, "error.sla.invalid");
            }
        }
        problems.throwIfAny();
        TicketSettings settings = settings(actor.tenantId(), true);
        settings.setProviderAlias(alias);
        settings.setProviderMayReply(change.providerMayReply());
        settings.setShareCustomer(change.shareCustomer());
        settings.setBusinessHours(days, opens, closes);
        for (Priority priority : Priority.values()) {
            int[] minutes = change.targets().get(priority);
            SlaTarget target = em.find(SlaTarget.class, new SlaTarget.Key(actor.tenantId(), priority));
            if (target == null) {
                em.persist(new SlaTarget(actor.tenantId(), priority, minutes[0], minutes[1]));
            } else {
                target.setFirstResponseMinutes(minutes[0]);
                target.setResolutionMinutes(minutes[1]);
            }
        }
        audit.record(actor, "tickets.settings-changed", alias, "providerMayReply=" + change.providerMayReply()
                + " shareCustomer=" + change.shareCustomer() + " hours=" + opens + "-" + closes);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DepartmentView> departments(Actor actor) {
        actor.require(Role.RESELLER_ADMIN);
        return em.createNamedQuery("Department.ofTenant", Department.class).setParameter("tenant", actor.tenantId())
                .getResultStream().map(DepartmentView::of).toList();
    }

    public void addDepartment(Actor actor, String name) {
        actor.require(Role.RESELLER_ADMIN);
        String clean = Fields.text("name", name, 80);
        List<Department> existing = em.createNamedQuery("Department.ofTenant", Department.class)
                .setParameter("tenant", actor.tenantId()).getResultList();
        if (existing.stream().anyMatch(d -> d.getName().equalsIgnoreCase(clean))) {
            throw new InvalidInputException("name", "error.department.taken");
        }
        em.persist(new Department(actor.tenantId(), clean,
                existing.stream().mapToInt(Department::getPosition).max().orElse(0) + 1, Instant.now()));
        audit.record(actor, "department.added", clean, null);
    }

    /**
     * Turns a department on or off for new tickets; its tickets stay where they are. The last active
     * department cannot be turned off, or customers could not write at all.
     */
    public void setDepartmentActive(Actor actor, long departmentId, boolean active) {
        actor.require(Role.RESELLER_ADMIN);
        Department department = department(actor, departmentId);
        if (!active && department.isActive() && departments(actor).stream().filter(DepartmentView::active).count() == 1) {
            throw new InvalidInputException("", "error.department.last");
        }
        department.setActive(active);
        audit.record(actor, active ? "department.enabled" : "department.disabled", department.getName(), null);
    }

    public void renameDepartment(Actor actor, long departmentId, String name) {
        actor.require(Role.RESELLER_ADMIN);
        Department department = department(actor, departmentId);
        String clean = Fields.text("name", name, 80);
        if (departments(actor).stream().anyMatch(d -> d.id() != departmentId && d.name().equalsIgnoreCase(clean))) {
            throw new InvalidInputException("name", "error.department.taken");
        }
        String before = department.getName();
        department.setName(clean);
        audit.record(actor, "department.renamed", clean, "was " + before);
    }

    /** Canned replies, for every agent of the reseller. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<CannedReplyView> cannedReplies(Actor actor) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        return em.createNamedQuery("CannedReply.ofTenant", CannedReply.class).setParameter("tenant", actor.tenantId())
                .getResultStream().map(c -> new CannedReplyView(c.getId(), c.getTitle(), c.getBody())).toList();
    }

    public void saveCannedReply(Actor actor, Long id, String title, String body) {
        actor.require(Role.RESELLER_ADMIN);
        Problems problems = new Problems();
        String cleanTitle = problems.check(() -> Fields.text("title", title, 120));
        String cleanBody = problems.check(() -> MessageBody.clean("body", body));
        if (cleanBody.length() > 10_000) {
            problems.add("body", "error.message.tooLong");
        }
        if (!cleanTitle.isEmpty() && cannedReplies(actor).stream()
                .anyMatch(c -> !Long.valueOf(c.id()).equals(id) && c.title().equalsIgnoreCase(cleanTitle))) {
            problems.add("title", "error.canned.taken");
        }
        problems.throwIfAny();
        if (id == null) {
            em.persist(new CannedReply(actor.tenantId(), cleanTitle, cleanBody, Instant.now()));
        } else {
            CannedReply canned = canned(actor, id);
            canned.setTitle(cleanTitle);
            canned.setBody(cleanBody);
        }
        audit.record(actor, id == null ? "canned.added" : "canned.changed", cleanTitle, null);
    }

    public void deleteCannedReply(Actor actor, long id) {
        actor.require(Role.RESELLER_ADMIN);
        CannedReply canned = canned(actor, id);
        em.remove(canned);
        audit.record(actor, "canned.deleted", canned.getTitle(), null);
    }

    private CannedReply canned(Actor actor, long id) {
        CannedReply canned = em.find(CannedReply.class, id);
        if (canned == null || !canned.getTenantId().equals(actor.tenantId())) {
            throw new NotFoundException("Canned reply");
        }
        return canned;
    }

    private Department department(Actor actor, long id) {
        Department department = em.find(Department.class, id);
        if (department == null || !department.getTenantId().equals(actor.tenantId())) {
            throw new NotFoundException("Department");
        }
        return department;
    }

    private TicketSettings settings(long tenantId, boolean forUpdate) {
        TicketSettings settings = forUpdate ? em.find(TicketSettings.class, tenantId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(TicketSettings.class, tenantId);
        if (settings == null) {
            throw new NotFoundException("Ticket settings");
        }
        return settings;
    }

    private static LocalTime time(Problems problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field, "error.required");
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(field, "error.time.invalid");
            return null;
        }
    }
}
