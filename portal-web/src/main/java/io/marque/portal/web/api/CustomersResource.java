package io.marque.portal.web.api;

import io.marque.portal.api.ApiScope;
import io.marque.portal.identity.CustomerService;
import io.marque.portal.identity.CustomerStatus;
import io.marque.portal.identity.CustomerView;
import io.marque.portal.tenant.CurrentTenant;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** The reseller's customers: a page at a time (cursor), one by id, and a new one invited by mail. */
@Path("/customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {

    @Inject
    CustomerService customers;

    @Inject
    ApiRequest current;

    @Inject
    Posts posts;

    @Inject
    CurrentTenant tenant;

    /** A customer as the API shows it. */
    public record Customer(long id, String name, String company, String email, CustomerStatus status, Instant createdAt) {
        static Customer of(CustomerView view) {
            return new Customer(view.id(), view.name(), view.company(), view.email(), view.status(), view.createdAt());
        }
    }

    /** What a POST sends. */
    public record NewCustomer(String name, String company, String email) {
    }

    /** One page; {@code next} is the cursor of the following page, null on the last. */
    public record Page<T>(List<T> items, String next) {
    }

    @GET
    @RequiresScope(ApiScope.CUSTOMERS_READ)
    public Page<Customer> list(@QueryParam("cursor") Long cursor, @QueryParam("q") String search) {
        List<Customer> items = customers.page(current.actor(), search, cursor).stream().map(Customer::of).toList();
        return new Page<>(items, items.size() < CustomerService.PAGE ? null : String.valueOf(items.get(items.size() - 1).id()));
    }

    @GET
    @Path("/{id}")
    @RequiresScope(ApiScope.CUSTOMERS_READ)
    public Customer get(@PathParam("id") long id) {
        return Customer.of(customers.get(current.actor(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(ApiScope.CUSTOMERS_WRITE)
    @APIResponseSchema(value = Customer.class, responseCode = "201", responseDescription = "The new customer, invited by mail")
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey, NewCustomer body) {
        NewCustomer request = body == null ? new NewCustomer(null, null, null) : body;
        return posts.run(idempotencyKey, "/customers", request, () -> {
            CustomerView created = customers.invite(current.actor(), request.name(), request.company(), request.email(),
                    tenant.get().locale());
            return new Posts.Created(201, Customer.of(created), "/api/v1/customers/" + created.id());
        });
    }
}
