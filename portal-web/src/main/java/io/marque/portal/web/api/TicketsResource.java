package io.marque.portal.web.api;

import io.marque.portal.api.ApiScope;
import io.marque.portal.ticket.AuthorKind;
import io.marque.portal.ticket.EscalationState;
import io.marque.portal.ticket.MessageView;
import io.marque.portal.ticket.Priority;
import io.marque.portal.ticket.Queue;
import io.marque.portal.ticket.QueueFilter;
import io.marque.portal.ticket.ResellerDesk;
import io.marque.portal.ticket.TicketCursor;
import io.marque.portal.ticket.TicketDetail;
import io.marque.portal.ticket.TicketStatus;
import io.marque.portal.ticket.Visibility;
import io.marque.portal.web.api.ApiRecords.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import java.util.Set;

/**
 * The reseller's tickets by number: a page at a time (cursor; the queue's order, most urgent first), a new
 * one for a customer, one with its public thread, a public answer, and an escalation to the provider.
 *
 * <p>Only the public thread leaves through the API: the conversation with the customer, as the customer
 * reads it (a provider answer is the reseller's, under the alias it appeared with — law 4). The reseller's
 * internal notes, the escalation thread and the escalation reason stay on the reseller's pages, so software
 * that shows a ticket to the customer cannot show them by mistake.
 */
@Path("/tickets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TicketsResource {

    /** The services' names of the fields a POST sends, in the API's words. */
    static final Map<String, String> FIELDS = Map.of("department", "departmentId");

    @Inject
    ResellerDesk desk;

    @Inject
    ApiRequest current;

    @Inject
    Posts posts;

    /** A ticket in a list. */
    public record TicketSummary(long number, String subject, TicketStatus status, Priority priority, String department,
            String customer, Instant updatedAt, EscalationState escalation, Set<String> tags) {
        static TicketSummary of(io.marque.portal.ticket.TicketSummary summary) {
            return new TicketSummary(summary.number(), summary.subject(), summary.status(), summary.priority(),
                    summary.department(), summary.customer(), summary.updatedAt(), summary.escalation(), summary.tags());
        }
    }

    /** A ticket with its public thread, oldest message first. */
    public record Ticket(long number, String subject, TicketStatus status, Priority priority, Long departmentId,
            String department, Long customerId, String customer, String relatedService, EscalationState escalation,
            Instant updatedAt, List<Message> messages) {
        static Ticket of(TicketDetail detail) {
            io.marque.portal.ticket.TicketSummary summary = detail.summary();
            return new Ticket(summary.number(), summary.subject(), summary.status(), summary.priority(), detail.departmentId(),
                    summary.department(), detail.customerId(), summary.customer(), detail.relatedService(),
                    summary.escalation(), summary.updatedAt(), publicThread(detail.messages()));
        }
    }

    /** A message of the public thread: {@code authorKind} CUSTOMER or RESELLER, {@code author} the name the customer sees. */
    public record Message(long id, AuthorKind authorKind, String author, String body, Instant createdAt,
            List<Attachment> attachments) {
    }

    /** A file of a message, named; its bytes stay on the portal. */
    public record Attachment(String fileName, String contentType, long size) {
    }

    /** What a POST of a ticket sends: the customer's request; {@code priority} LOW, NORMAL (when left out), HIGH or URGENT. */
    public record NewTicket(Long customerId, Long departmentId, String subject, String body, String priority) {
    }

    /** A public answer to the customer. */
    public record Reply(String body) {
    }

    /**
     * A hand-over to the provider with the reason; whether the provider may answer the customer and may
     * know who the customer is stay as the ticket has them when left out.
     */
    public record Escalation(String reason, Boolean providerMayReply, Boolean shareCustomer) {
    }

    /**
     * @param status    left out for the open tickets (not resolved or closed), {@code ANY} for all, else one status
     * @param customerId only this customer's tickets
     */
    @GET
    @RequiresScope(ApiScope.TICKETS_READ)
    public Page<TicketSummary> list(@QueryParam("cursor") String cursor, @QueryParam("status") String status,
            @QueryParam("customerId") Long customerId) {
        List<io.marque.portal.ticket.TicketSummary> tickets = desk.queue(current.actor(), Queue.ALL,
                new QueueFilter(null, status, null, customerId, null, null), cursor);
        String next = tickets.size() < ResellerDesk.PAGE ? null : TicketCursor.of(tickets.get(tickets.size() - 1), true);
        return new Page<>(tickets.stream().map(TicketSummary::of).toList(), next);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(ApiScope.TICKETS_WRITE)
    @APIResponseSchema(value = Ticket.class, responseCode = "201", responseDescription = "The new ticket")
    public Response open(@HeaderParam("Idempotency-Key") String idempotencyKey, NewTicket body) {
        NewTicket request = body == null ? new NewTicket(null, null, null, null, null) : body;
        ApiInput input = new ApiInput();
        Long customerId = input.required("customerId", request.customerId());
        Priority priority = input.choice("priority", Priority.class, request.priority(), ApiInput.CHOICE);
        input.throwIfAny();
        return posts.run(idempotencyKey, "/tickets", request, () -> {
            long number = ApiInput.inApiTerms(FIELDS, () -> desk.open(current.actor(), customerId,
                    new io.marque.portal.ticket.NewTicket(request.departmentId(), request.subject(), request.body(), priority,
                            null)));
            return new Posts.Created(201, Ticket.of(desk.read(current.actor(), number)), "/api/v1/tickets/" + number);
        });
    }

    @GET
    @Path("/{number}")
    @RequiresScope(ApiScope.TICKETS_READ)
    public Ticket get(@PathParam("number") long number) {
        return Ticket.of(desk.read(current.actor(), number));
    }

    /** A public answer; answers the new message. */
    @POST
    @Path("/{number}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(ApiScope.TICKETS_WRITE)
    @APIResponseSchema(value = Message.class, responseCode = "201", responseDescription = "The new public message")
    public Response reply(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("number") long number, Reply body) {
        Reply request = body == null ? new Reply(null) : body;
        return posts.run(idempotencyKey, "/tickets/" + number + "/replies", request, () -> {
            long id = desk.answer(current.actor(), number, request.body());
            Message message = Ticket.of(desk.read(current.actor(), number)).messages().stream().filter(m -> m.id() == id)
                    .findFirst().orElseThrow();
            return new Posts.Created(201, message, "/api/v1/tickets/" + number);
        });
    }

    @POST
    @Path("/{number}/escalate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(ApiScope.TICKETS_WRITE)
    @APIResponseSchema(value = Ticket.class, responseCode = "200", responseDescription = "The ticket, escalated")
    public Response escalate(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("number") long number,
            Escalation body) {
        Escalation request = body == null ? new Escalation(null, null, null) : body;
        return posts.run(idempotencyKey, "/tickets/" + number + "/escalate", request, () -> {
            TicketDetail before = desk.read(current.actor(), number);
            desk.escalate(current.actor(), number, request.reason(),
                    request.providerMayReply() != null ? request.providerMayReply() : before.providerMayReply(),
                    request.shareCustomer() != null ? request.shareCustomer() : before.shareCustomer());
            return new Posts.Created(200, Ticket.of(desk.read(current.actor(), number)), null);
        });
    }

    /**
     * The conversation with the customer as the customer reads it: public messages only, and a provider
     * answer as one of the reseller's (its author already the alias the reseller chose).
     */
    static List<Message> publicThread(List<MessageView> messages) {
        return messages.stream().filter(m -> m.visibility() == Visibility.PUBLIC)
                .map(m -> new Message(m.id(), m.authorKind() == AuthorKind.PROVIDER ? AuthorKind.RESELLER : m.authorKind(),
                        m.author(), m.body(), m.createdAt(),
                        m.attachments().stream().map(a -> new Attachment(a.fileName(), a.contentType(), a.size())).toList()))
                .toList();
    }
}
