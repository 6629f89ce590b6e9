package io.marque.portal.server;

import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.Users;
import io.marque.portal.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The one ownership rule for servers, used by every service: the provider's staff reach every server;
 * a reseller's staff reach the servers assigned to their reseller; a customer reaches the servers its
 * reseller assigned to it, until they are terminated. Anything else is {@link NotFoundException},
 * exactly as a server that does not exist, so ids do not tell what exists elsewhere.
 */
@Stateless
public class ServerAccess {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Users users;

    /** Who is looking at a server, which decides the view it gets. */
    public enum Side {
        CUSTOMER, RESELLER, PROVIDER
    }

    public static Side sideOf(Actor actor) {
        if (actor.hasAny(Role.PROVIDER_STAFF)) {
            return Side.PROVIDER;
        }
        if (actor.hasAny(Role.RESELLER_STAFF)) {
            return Side.RESELLER;
        }
        actor.require(Role.CUSTOMER);
        return Side.CUSTOMER;
    }

    /** The server if the actor may reach it; {@code forUpdate} takes its row lock. */
    public Server reach(Actor actor, long serverId, boolean forUpdate) {
        Server server = em.find(Server.class, serverId);
        if (server == null || !mayReach(actor, server)) {
            throw new NotFoundException("Server");
        }
        if (forUpdate) {
            em.refresh(server, LockModeType.PESSIMISTIC_WRITE);
            if (!mayReach(actor, server)) {
                throw new NotFoundException("Server");
            }
        }
        return server;
    }

    private boolean mayReach(Actor actor, Server server) {
        return switch (sideOf(actor)) {
            case PROVIDER -> true;
            case RESELLER -> server.getTenantId() != null && server.getTenantId() == actor.tenantId();
            case CUSTOMER -> server.getTenantId() != null && server.getTenantId() == actor.tenantId()
                    && server.getCustomerId() != null && server.getCustomerId() == users.customerId(actor)
                    && server.getStatus() != ServerStatus.TERMINATED;
        };
    }
}
