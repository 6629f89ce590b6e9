package io.marque.portal.identity;

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
}
