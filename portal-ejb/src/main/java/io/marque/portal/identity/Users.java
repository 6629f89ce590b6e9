package io.marque.portal.identity;

import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Tenant-scoped look-ups of users: every query names the tenant, so another tenant's id finds nothing. */
@Stateless
public class Users {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    public Optional<User> byEmail(long tenantId, String email) {
        if (email == null) {
            return Optional.empty();
        }
        return em.createNamedQuery("User.byEmail", User.class).setParameter("tenant", tenantId)
                .setParameter("email", Fields.normaliseEmail(email)).getResultStream().findFirst();
    }

    public Optional<User> byId(long tenantId, long userId) {
        return em.createNamedQuery("User.byId", User.class).setParameter("tenant", tenantId)
                .setParameter("id", userId).getResultStream().findFirst();
    }

    /**
     * The customer a customer's login belongs to: as its session recorded at sign-in, which spares the
     * pages a look-up per call (every query still names the tenant), or else from the user's row.
     *
     * @throws ForbiddenException unless the actor is a customer
     */
    public long customerId(Actor actor) {
        actor.require(Role.CUSTOMER);
        if (actor.customerId() != null) {
            return actor.customerId();
        }
        User user = byId(actor.tenantId(), actor.userId()).orElseThrow(() -> new NotFoundException("User"));
        if (user.getCustomerId() == null) {
            throw new ForbiddenException("Not a customer");
        }
        return user.getCustomerId();
    }
}
