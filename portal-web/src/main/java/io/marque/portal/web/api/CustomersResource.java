package io.marque.portal.web.api;

import io.marque.portal.api.ApiScope;
import io.marque.portal.billing.account.Accounts;
import io.marque.portal.billing.account.BalanceView;
import io.marque.portal.billing.account.LedgerKind;
import io.marque.portal.billing.account.PaymentStatus;
import io.marque.portal.identity.CustomerService;
import io.marque.portal.identity.CustomerStatus;
import io.marque.portal.identity.CustomerView;
import io.marque.portal.tenant.CurrentTenant;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * The reseller's customers: a page at a time (cursor), one by id, a new one invited by mail, and each
 * one's balance with the reseller, with funds that arrived recorded on it.
 */
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

    @Inject
    Accounts accounts;

    /** A customer as the API shows it. */
    public record Customer(long id, String name, String company, String email, CustomerStatus status, Instant createdAt) {
        static Customer of(CustomerView view) {
            return new Customer(view.id(), view.name(), view.company(), view.email(), view.status(), view.createdAt());
        }
    }

    /** What a POST sends. */
    public record NewCustomer(String name, String company, String email) {
    }

    /** A customer's balance with the reseller: its recent movements and its latest payments, newest first. */
    public record Balance(long customerId, Amount balance, List<Movement> movements, List<Payment> payments) {
        static Balance of(long customerId, BalanceView view) {
            return new Balance(customerId, Amount.of(view.balance()),
                    view.movements().stream().map(m -> new Movement(m.at(), m.kind(), Amount.of(m.amount()),
                            Amount.of(m.balanceAfter()), m.note())).toList(),
                    view.payments().stream().map(p -> new Payment(p.id(), p.method(), Amount.of(p.amount()), p.reference(),
                            p.status(), p.createdAt())).toList());
        }
    }

    /** One change of a balance and why. */
    public record Movement(Instant at, LedgerKind kind, Amount amount, Amount balanceAfter, String note) {
    }

    /** Money paid in: confirmed when staff (or a key) recorded it, pending while it waits for confirmation. */
    public record Payment(long id, String method, Amount amount, String reference, PaymentStatus status, Instant createdAt) {
    }

    /** What a POST of funds sends: an amount in the customer's currency ({@code "25.00"}) and an optional note. */
    public record NewFunds(String amount, String note) {
    }

    @GET
    @RequiresScope(ApiScope.CUSTOMERS_READ)
    public Page<Customer> list(@QueryParam("cursor") Long cursor, @QueryParam("q") String search) {
        List<Customer> items = customers.page(current.actor(), search, cursor).stream().map(Customer::of).toList();
        return Page.of(items, CustomerService.PAGE, c -> String.valueOf(c.id()));
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

    @GET
    @Path("/{id}/balance")
    @RequiresScope(ApiScope.CUSTOMERS_READ)
    public Balance balance(@PathParam("id") long id) {
        return Balance.of(id, accounts.ofCustomer(current.actor(), id));
    }

    /** Funds that arrived for the customer outside Marque (a transfer received), recorded as confirmed at once. */
    @POST
    @Path("/{id}/funds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(ApiScope.CUSTOMERS_WRITE)
    @APIResponseSchema(value = Balance.class, responseCode = "200", responseDescription = "The customer's balance with the funds recorded")
    public Response addFunds(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") long id, NewFunds body) {
        NewFunds request = body == null ? new NewFunds(null, null) : body;
        return posts.run(idempotencyKey, "/customers/" + id + "/funds", request, () -> {
            accounts.addFunds(current.actor(), id, null, request.amount(), request.note());
            return new Posts.Created(200, Balance.of(id, accounts.ofCustomer(current.actor(), id)), null);
        });
    }
}
