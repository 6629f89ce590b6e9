package io.marque.portal.audit;

import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Reads the activity log, newest first, a page at a time (keyset: pass the last id seen).
 * A reseller admin reads its own tenant's entries; the provider admin reads every tenant's.
 */
@Stateless
public class ActivityLog {

    public static final int PAGE = 50;

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    public List<ActivityView> page(Actor actor, Long beforeId) {
        actor.require(Role.RESELLER_ADMIN, Role.PROVIDER_ADMIN);
        boolean all = actor.has(Role.PROVIDER_ADMIN);
        String jpql = "select new io.marque.portal.audit.ActivityView(a.id, t.name, a.actor, a.action, a.target,"
                + " a.detail, a.clientAddress, a.createdAt) from Activity a, io.marque.portal.tenant.Tenant t"
                + " where t.id = a.tenantId"
                + (all ? "" : " and a.tenantId = :tenant")
                + (beforeId == null ? "" : " and a.id < :before")
                + " order by a.id desc";
        var query = em.createQuery(jpql, ActivityView.class).setMaxResults(PAGE);
        if (!all) {
            query.setParameter("tenant", actor.tenantId());
        }
        if (beforeId != null) {
            query.setParameter("before", beforeId);
        }
        return query.getResultList();
    }
}
