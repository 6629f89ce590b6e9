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

    public List<ServerView> list(Actor actor) {
        long customer = users.customerId(actor);
        return views.forUser(actor, em.createNamedQuery("Server.ofCustomer", Server.class)
                .setParameter("tenant", actor.tenantId()).setParameter("customer", customer).getResultList());
    }
}
