package io.marque.portal.server;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.server.ServerAccess.Side;
import io.marque.portal.server.driver.DriverException;
import io.marque.portal.server.driver.PowerAction;
import io.marque.portal.server.driver.PowerState;
import io.marque.portal.server.job.JobAction;
import io.marque.portal.server.job.JobExecution;
import io.marque.portal.server.job.JobView;
import io.marque.portal.server.job.ServerJob;
import io.marque.portal.server.job.ServerJobs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a customer, its reseller's staff and the provider's staff do to a server they may reach: power
 * actions and reinstalls (each a job), reading the power state from the device, and the server's
 * recent jobs. The same calls serve every side; {@link ServerAccess} decides who reaches what.
 */
@Stateless
public class ServerActions {

    /**
     * How long a power state read from the device, unchanged, is not written again: every view of a
     * server page reads the device, and a write per view would make views of one server wait on its row.
     */
    static final Duration KEEP_READ = Duration.ofMinutes(1);

    @Inject
    ServerAccess access;

    @Inject
    ServerJobs jobs;

    @Inject
    ServerViews views;

    @Inject
    OsTemplates templates;

    @Inject
    Drivers drivers;

    @Inject
    AuditRecorder audit;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ServerView view(Actor actor, long serverId) {
        return views.forUser(actor, access.reach(actor, serverId, false));
    }

    /** Queues a power action and answers its job. */
    public JobView power(Actor actor, long serverId, PowerAction action) {
        if (action == null) {
            throw new InvalidInputException("action", "server.error.action");
        }
        Server server = access.reach(actor, serverId, true);
        ServerJob job = jobs.queue(actor, server, JobAction.ofPower(action), null);
        record(actor, server, "server.power." + action.name().toLowerCase(), null);
        return JobView.of(job, ServerAccess.sideOf(actor), actor.userId());
    }

    /** Queues a reinstall with one of the templates offered on this server, and answers its job. */
    public JobView reinstall(Actor actor, long serverId, String templateCode) {
        Server server = access.reach(actor, serverId, true);
        boolean offered = templates.offered(server.getTenantId()).stream().anyMatch(t -> t.code().equals(templateCode));
        if (!offered) {
            throw new InvalidInputException("template", "server.error.template");
        }
        ServerJob job = jobs.queue(actor, server, JobAction.REINSTALL, templateCode);
        record(actor, server, "server.reinstall", templateCode);
        return JobView.of(job, ServerAccess.sideOf(actor), actor.userId());
    }

    /** The templates this server may be reinstalled with. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TemplateView> templates(Actor actor, long serverId) {
        return templates.offered(access.reach(actor, serverId, false).getTenantId());
    }

    /**
     * Reads the power state from the device now and keeps it as the last known one.
     *
     * Runs outside a transaction, so no connection waits on a slow device.
     *
     * @throws InvalidInputException with the driver's failure key when the device does not answer
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PowerState readPower(Actor actor, long serverId) {
        Server server = access.reach(actor, serverId, false);
        try {
            PowerState state = drivers.of(server).powerState(drivers.target(server));
            Instant now = Instant.now();
            boolean known = state.name().equals(server.getPowerState()) && server.getPowerReadAt() != null
                    && server.getPowerReadAt().isAfter(now.minus(KEEP_READ));
            if (!known) {
                jobs.powerRead(server.getId(), state, now);
            }
            return state;
        } catch (DriverException e) {
            throw new InvalidInputException("", JobExecution.keyOf(e));
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<JobView> recentJobs(Actor actor, long serverId) {
        Server server = access.reach(actor, serverId, false);
        Side side = ServerAccess.sideOf(actor);
        return jobs.recent(server.getId(), ServerJobs.RECENT).stream().map(j -> JobView.of(j, side, actor.userId()))
                .toList();
    }

    /**
     * One job of a server the actor may reach, as {@link #recentJobs} shows it. A job of another server,
     * or one from before the server came to the actor's tenant, is not found.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public JobView job(Actor actor, long serverId, long jobId) {
        Server server = access.reach(actor, serverId, false);
        Side side = ServerAccess.sideOf(actor);
        ServerJob job = jobs.find(jobId);
        if (job == null || job.getServerId() != server.getId()
                || side != Side.PROVIDER && !Long.valueOf(actor.tenantId()).equals(job.getTenantId())) {
            throw new NotFoundException("Job");
        }
        return JobView.of(job, side, actor.userId());
    }

    private void record(Actor actor, Server server, String action, String detail) {
        if (server.getTenantId() != null && ServerAccess.sideOf(actor) == Side.PROVIDER) {
            audit.recordOn(server.getTenantId(), actor, action, server.getHostname(), detail);
        } else {
            audit.record(actor, action, server.getHostname(), detail);
        }
    }
}
