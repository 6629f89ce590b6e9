package io.marque.portal.identity;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A tenant's staff: a reseller admin manages its agents and admins, the provider admin its own.
 * Staff of one tenant can never be seen or changed from another: every query names the actor's tenant.
 */
@Stateless
public class StaffService {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Event<SessionsRevoked> revoked;

    @Inject
    Users users;

    @Inject
    PasswordResetService links;

    @Inject
    AuditRecorder audit;

    public List<UserView> list(Actor actor) {
        requireAdmin(actor);
        return em.createNamedQuery("User.staff", User.class).setParameter("tenant", actor.tenantId())
                .getResultStream().map(UserView::of).toList();
    }

    /** Creates a staff user who sets its own password through an invitation mail. */
    public UserView invite(Actor actor, String email, String displayName, Role role, Locale locale) {
        requireAdmin(actor);
        if (!allowedRoles(actor).contains(role)) {
            throw new InvalidInputException("role", "error.role.invalid");
        }
        String address = Fields.email("email", email);
        String name = Fields.text("name", displayName, 160);
        if (users.byEmail(actor.tenantId(), address).isPresent()) {
            throw new InvalidInputException("email", "error.email.taken");
        }
        User user = new User(actor.tenantId(), address, name, EnumSet.of(role), UserStatus.INVITED, Instant.now());
        em.persist(user);
        em.flush();
        links.sendInvitation(user, locale);
        audit.record(actor, "staff.invited", address, role.name());
        return UserView.of(user);
    }

    public void setEnabled(Actor actor, long userId, boolean enabled) {
        requireAdmin(actor);
        User user = staffMember(actor, userId);
        if (user.getId() == actor.userId()) {
            throw new InvalidInputException("", "error.staff.self");
        }
        user.setStatus(enabled ? (user.getPasswordHash() == null ? UserStatus.INVITED : UserStatus.ACTIVE) : UserStatus.DISABLED);
        if (!enabled) {
            revoked.fire(new SessionsRevoked(user.getId()));
        }
        audit.record(actor, enabled ? "staff.enabled" : "staff.disabled", user.getEmail(), null);
    }

    public void changeRole(Actor actor, long userId, Role role) {
        requireAdmin(actor);
        if (!allowedRoles(actor).contains(role)) {
            throw new InvalidInputException("role", "error.role.invalid");
        }
        User user = staffMember(actor, userId);
        if (user.getId() == actor.userId()) {
            throw new InvalidInputException("", "error.staff.self");
        }
        user.setRoles(EnumSet.of(role));
        audit.record(actor, "staff.role-changed", user.getEmail(), role.name());
    }

    /** The roles an admin may hand out: its own tenant kind's staff roles. */
    public Set<Role> allowedRoles(Actor actor) {
        return actor.has(Role.PROVIDER_ADMIN) ? Role.PROVIDER_STAFF : Role.RESELLER_STAFF;
    }

    private User staffMember(Actor actor, long userId) {
        return users.byId(actor.tenantId(), userId).filter(User::isStaff)
                .orElseThrow(() -> new NotFoundException("User"));
    }

    private static void requireAdmin(Actor actor) {
        actor.require(Role.RESELLER_ADMIN, Role.PROVIDER_ADMIN);
    }
}
