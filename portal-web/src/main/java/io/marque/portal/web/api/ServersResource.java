package io.marque.portal.web.api;

import io.marque.portal.api.ApiScope;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.server.AddressView;
import io.marque.portal.server.ResellerServers;
import io.marque.portal.server.ReverseDns;
import io.marque.portal.server.ServerActions;
import io.marque.portal.server.ServerStatus;
import io.marque.portal.server.ServerView;
import io.marque.portal.server.driver.PowerAction;
import io.marque.portal.server.job.JobAction;
import io.marque.portal.server.job.JobState;
import io.marque.portal.server.job.JobView;
import io.marque.portal.web.api.ApiRecords.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The reseller's servers, as its own pages show them: a page at a time (cursor), one by id, the same jobs
 * the pages start (a power action, a reinstall: queued and answered at once with 202 and the job, whose
 * state is then read from {@code /servers/{id}/jobs/{jobId}}), and the reverse DNS name of each address.
 */
@Path("/servers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ServersResource {

    @Inject
    ResellerServers servers;

    @Inject
    ServerActions actions;

    @Inject
    ReverseDns reverseDns;

    @Inject
    ApiRequest current;

    @Inject
    Posts posts;

    /** A server as the reseller sees it; never the provider's own data (rack, BMC, cost), which its view has no field for. */
    public record Server(long id, String hostname, String label, String notes, String cpu, int ramGb, String disks,
            String location, String os, ServerStatus status, String suspensionNote, String powerState, Instant powerReadAt,
            List<Address> addresses, Job activeJob, Long customerId, String customerName) {
        static Server of(ServerView view) {
            return new Server(view.id(), view.hostname(), view.label(), view.notes(), view.cpu(), view.ramGb(), view.disks(),
                    view.location(), view.os(), view.status(), view.suspensionNote(), view.powerState(), view.powerReadAt(),
                    view.addresses().stream().map(Address::of).toList(), Job.of(view.activeJob()), view.customerId(),
                    view.customerName());
        }
    }

    /** A public address ({@code family} 4 or 6) with its reverse DNS name, null while none is set. */
    public record Address(String address, int family, String ptr) {
        static Address of(AddressView view) {
            return new Address(view.address(), view.family(), view.ptr());
        }
    }

    /**
     * A job on a server: queued, running, then done or failed ({@code failure} names why, as a stable
     * message key). {@code requester} is who asked: a staff address, the key's {@code api-key:<name>},
     * {@code provider} or {@code system}.
     */
    public record Job(long id, long serverId, JobAction action, String template, JobState state, int progress, String stage,
            String failure, String requester, Instant createdAt, Instant finishedAt) {
        static Job of(JobView view) {
            return view == null ? null : new Job(view.id(), view.serverId(), view.action(), view.templateCode(), view.state(),
                    view.progress(), view.stage(), view.failureKey(), view.requester(), view.createdAt(), view.finishedAt());
        }
    }

    /** A power action: {@code ON}, {@code SOFT_OFF}, {@code HARD_OFF}, {@code RESET} or {@code CYCLE}. */
    public record Power(String action) {
    }

    /** A reinstall with one of the templates offered on the server, by its code ({@code debian-12}). */
    public record Reinstall(String template) {
    }

    /** The reverse DNS name of an address; blank removes it. */
    public record Ptr(String hostname) {
    }

    @GET
    @RequiresScope(ApiScope.SERVERS_READ)
    public Page<Server> list(@QueryParam("cursor") Long cursor) {
        List<Server> items = servers.list(current.actor(), cursor == null ? 0 : cursor).stream().map(Server::of).toList();
        return Page.of(items, ResellerServers.PAGE, s -> String.valueOf(s.id()));
    }

    @GET
    @Path("/{id}")
    @RequiresScope(ApiScope.SERVERS_READ)
    public Server get(@PathParam("id") long id) {
        return Server.of(actions.view(current.actor(), id));
    }

    @POST
    @Path("/{id}/power")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(ApiScope.SERVERS_POWER)
    @APIResponseSchema(value = Job.class, responseCode = "202", responseDescription = "The job, queued")
    public Response power(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") long id, Power body) {
        Power request = body == null ? new Power(null) : body;
        ApiInput input = new ApiInput();
        PowerAction action = input.requiredChoice("action", PowerAction.class, request.action(), "server.error.action");
        input.throwIfAny();
        return posts.run(idempotencyKey, "/servers/" + id + "/power", request,
                () -> queued(actions.power(current.actor(), id, action)));
    }

    @POST
    @Path("/{id}/reinstall")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(ApiScope.SERVERS_POWER)
    @APIResponseSchema(value = Job.class, responseCode = "202", responseDescription = "The job, queued")
    public Response reinstall(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") long id, Reinstall body) {
        Reinstall request = body == null ? new Reinstall(null) : body;
        return posts.run(idempotencyKey, "/servers/" + id + "/reinstall", request,
                () -> queued(actions.reinstall(current.actor(), id, request.template())));
    }

    @GET
    @Path("/{id}/jobs/{jobId}")
    @RequiresScope(ApiScope.SERVERS_READ)
    public Job job(@PathParam("id") long id, @PathParam("jobId") long jobId) {
        return Job.of(actions.job(current.actor(), id, jobId));
    }

    /** Sets (or with a blank name removes) the PTR record of one of the server's addresses, in the DNS first. */
    @PUT
    @Path("/{id}/addresses/{address}/ptr")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(ApiScope.SERVERS_POWER)
    public Address ptr(@PathParam("id") long id, @PathParam("address") String address, Ptr body) {
        Ptr request = body == null ? new Ptr(null) : body;
        ApiInput.inApiTerms(Map.of("ptr", "hostname"), () -> reverseDns.set(current.actor(), id, address, request.hostname()));
        return actions.view(current.actor(), id).addresses().stream().filter(a -> a.address().equals(address))
                .findFirst().map(Address::of).orElseThrow(() -> new NotFoundException("Address"));
    }

    private static Posts.Created queued(JobView job) {
        return new Posts.Created(202, Job.of(job), "/api/v1/servers/" + job.serverId() + "/jobs/" + job.id());
    }
}
