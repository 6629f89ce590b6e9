package io.marque.portal.web.api;

import io.marque.portal.api.ApiScope;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.order.OrderForm;
import io.marque.portal.billing.order.OrderStatus;
import io.marque.portal.billing.order.OrderView;
import io.marque.portal.billing.order.Orders;
import io.marque.portal.web.api.ApiRecords.Amount;
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

/**
 * Orders the reseller places for its customers: newest first a page at a time (cursor), one by id, a new
 * one (priced at the reseller's own prices and invoiced to the customer at once; provisioned when that
 * invoice is paid), and cancelling one while it is pending (its invoice is voided).
 */
@Path("/orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    /** The services' names of the fields a POST sends, in the API's words. */
    static final Map<String, String> FIELDS = Map.of("customer", "customerId", "plan", "planId", "addOns", "addOnIds");

    @Inject
    Orders orders;

    @Inject
    ApiRequest current;

    @Inject
    Posts posts;

    /** An order as the API shows it: what the customer pays (retail) and what the reseller pays (wholesale). */
    public record Order(long id, Long customerId, String customer, long planId, String plan, Cycle cycle, Amount retail,
            Amount wholesale, OrderStatus status, Long invoiceId, String invoiceNumber, Instant createdAt) {
        static Order of(OrderView view) {
            return new Order(view.id(), view.customerId(), view.customer(), view.productId(), view.product(), view.cycle(),
                    Amount.of(view.retail()), Amount.of(view.wholesale()), view.status(), view.invoiceId(),
                    view.invoiceNumber(), view.createdAt());
        }
    }

    /** What a POST sends: a plan with its add-ons for one of the reseller's customers, and the cycle ({@code MONTHLY}…). */
    public record NewOrder(Long customerId, Long planId, List<Long> addOnIds, String cycle, String note) {
    }

    @GET
    @RequiresScope(ApiScope.ORDERS_READ)
    public Page<Order> list(@QueryParam("cursor") Long cursor) {
        List<Order> items = orders.page(current.actor(), cursor).stream().map(Order::of).toList();
        return Page.of(items, Orders.PAGE, o -> String.valueOf(o.id()));
    }

    @GET
    @Path("/{id}")
    @RequiresScope(ApiScope.ORDERS_READ)
    public Order get(@PathParam("id") long id) {
        return Order.of(orders.get(current.actor(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(ApiScope.ORDERS_WRITE)
    @APIResponseSchema(value = Order.class, responseCode = "201", responseDescription = "The order, pending, with its invoice")
    public Response place(@HeaderParam("Idempotency-Key") String idempotencyKey, NewOrder body) {
        NewOrder request = body == null ? new NewOrder(null, null, null, null, null) : body;
        OrderForm form = form(request);
        return posts.run(idempotencyKey, "/orders", request, () -> {
            long id = ApiInput.inApiTerms(FIELDS, () -> orders.place(current.actor(), form));
            return new Posts.Created(201, Order.of(orders.get(current.actor(), id)), "/api/v1/orders/" + id);
        });
    }

    @POST
    @Path("/{id}/cancel")
    @RequiresScope(ApiScope.ORDERS_WRITE)
    @APIResponseSchema(value = Order.class, responseCode = "200", responseDescription = "The order, cancelled")
    public Response cancel(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") long id) {
        return posts.run(idempotencyKey, "/orders/" + id + "/cancel", Map.of(), () -> {
            orders.cancel(current.actor(), id);
            return new Posts.Created(200, Order.of(orders.get(current.actor(), id)), null);
        });
    }

    /** The order form of a request whose every field has the shape an order needs; else every field that has not. */
    static OrderForm form(NewOrder request) {
        ApiInput input = new ApiInput();
        Long customerId = input.required("customerId", request.customerId());
        Long planId = input.required("planId", request.planId());
        Cycle cycle = input.requiredChoice("cycle", Cycle.class, request.cycle(), "billing.error.cycle");
        List<Long> addOnIds = request.addOnIds() == null ? List.of() : request.addOnIds();
        if (addOnIds.stream().anyMatch(java.util.Objects::isNull)) {
            input.refuse("addOnIds", "billing.error.addOn");
        }
        input.throwIfAny();
        return new OrderForm(customerId, planId, addOnIds, cycle, request.note());
    }
}
