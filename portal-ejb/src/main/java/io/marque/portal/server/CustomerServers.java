package io.marque.portal.server;

import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Users;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** A customer's own servers, in the view its reseller's brand shows. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CustomerServers {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Users users;

    @Inject
    ServerViews views;

    /** How many servers one page of the customer's list shows. */
    public static final int PAGE = 100;

    /** Up to {@code limit} of the customer's servers in id order, after {@code afterId} ({@code 0} for the first). */
    public List<ServerView> list(Actor actor, long afterId, int limit) {
        long customer = users.customerId(actor);
        return views.forUser(actor, em.createNamedQuery("Server.ofCustomer", Server.class)
                .setParameter("tenant", actor.tenantId()).setParameter("customer", customer)
                .setParameter("after", afterId).setMaxResults(Math.min(limit, PAGE)).getResultList());
    }
}
