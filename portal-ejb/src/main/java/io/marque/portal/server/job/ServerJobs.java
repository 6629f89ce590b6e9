package io.marque.portal.server.job;

import io.marque.portal.identity.Actor;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.server.Server;
import io.marque.portal.server.ServerAccess;
import io.marque.portal.server.ServerAccess.Side;
import io.marque.portal.server.ServerStatus;
import io.marque.portal.server.driver.PowerState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Queues jobs and reads them back. Queuing runs under the server's row lock (taken by the caller
 * through {@link ServerAccess#reach}) and refuses while another job is queued or running, so two
 * clicks, two tabs or two nodes cannot start two actions on one server.
 */
@Stateless
public class ServerJobs {

    /** How many past jobs a server page lists. */
    public static final int RECENT = 10;

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Event<JobQueued> queued;

    /**
     * Queues the action on a locked server the actor may reach.
     *
     * @throws InvalidInputException {@code server.error.busy} while another job is active,
     *                               {@code server.error.suspended} for an action that would start a
     *                               suspended server, unless the provider asks
     */
    public ServerJob queue(Actor actor, Server server, JobAction action, String templateCode) {
        Side side = ServerAccess.sideOf(actor);
        if (server.getStatus() == ServerStatus.TERMINATED) {
            throw new InvalidInputException("", "server.error.terminated");
        }
        if (server.isSuspended() && action.startsServer() && side != Side.PROVIDER) {
            throw new InvalidInputException("", "server.error.suspended");
        }
        if (server.getActiveJobId() != null) {
            ServerJob active = em.find(ServerJob.class, server.getActiveJobId());
            if (active != null && active.isActive()) {
                throw new InvalidInputException("", "server.error.busy");
            }
        }
        ServerJob.Requester kind = switch (side) {
            case CUSTOMER -> ServerJob.Requester.CUSTOMER;
            case RESELLER -> ServerJob.Requester.RESELLER;
            case PROVIDER -> ServerJob.Requester.PROVIDER;
        };
        ServerJob job = new ServerJob(server.getId(), server.getTenantId(), action, templateCode, kind, actor.userId(),
                actor.email(), Instant.now());
        em.persist(job);
        em.flush();
        server.setActiveJobId(job.getId());
        queued.fire(new JobQueued(job.getId()));
        return job;
    }

    /** Keeps a power state read from the device, without touching the row's version. */
    public void powerRead(long serverId, PowerState state, Instant at) {
        em.createQuery("update Server s set s.powerState = :state, s.powerReadAt = :at where s.id = :id")
                .setParameter("state", state.name()).setParameter("at", at).setParameter("id", serverId)
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ServerJob> recent(long serverId, int limit) {
        return em.createNamedQuery("ServerJob.ofServer", ServerJob.class).setParameter("server", serverId)
                .setMaxResults(limit).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ServerJob find(long jobId) {
        return em.find(ServerJob.class, jobId);
    }
}
