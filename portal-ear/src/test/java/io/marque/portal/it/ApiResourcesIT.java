package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.api.ApiKeys;
import io.marque.portal.api.ApiLimits;
import io.marque.portal.api.ApiScope;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.account.Accounts;
import io.marque.portal.billing.catalogue.Catalogue;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.catalogue.ProductView;
import io.marque.portal.billing.invoice.InvoiceStatus;
import io.marque.portal.billing.invoice.Invoices;
import io.marque.portal.billing.order.OrderForm;
import io.marque.portal.billing.order.OrderStatus;
import io.marque.portal.billing.order.Orders;
import io.marque.portal.identity.Actor;
import io.marque.portal.reseller.ProgramStanding;
import io.marque.portal.reseller.ResellerProfiles;
import io.marque.portal.server.ServerActions;
import io.marque.portal.server.driver.PowerAction;
import io.marque.portal.ticket.MessageSource;
import io.marque.portal.ticket.NewTicket;
import io.marque.portal.ticket.Priority;
import io.marque.portal.ticket.ResellerDesk;
import io.marque.portal.ticket.TicketMessage;
import io.marque.portal.ticket.TicketStatus;
import io.marque.portal.ticket.Visibility;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API's resources over real HTTP, from inside the server to itself, on fixture resellers' own hosts
 * with keys made through {@link ApiKeys}: each resource's happy path, with the answer checked against the
 * services the pages use; another reseller's ids answered exactly as ids that do not exist (404, never
 * 403) through every resource and verb, with nothing changed; each method refused to a key without its
 * scope (403 {@code scope-missing}); and refused input answered as problem+json listing each field, with
 * nothing written.
 */
@ExtendWith(ArquillianExtension.class)
class ApiResourcesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(ApiResourcesIT.class, BillingFixtures.class, ServerFixtures.class, Http.class);
    }

    private static final String ALL_SCOPES = ApiScope.format(EnumSet.allOf(ApiScope.class));
    private static final String READ_SCOPES = "customers:read orders:read servers:read tickets:read invoices:read account:read";

    @Inject
    Fixtures fixtures;

    @Inject
    BillingFixtures billing;

    @Inject
    ServerFixtures servers;

    @Inject
    ApiKeys keys;

    @Inject
    ApiLimits limits;

    @Inject
    Catalogue catalogue;

    @Inject
    Orders orders;

    @Inject
    Invoices invoices;

    @Inject
    Accounts accounts;

    @Inject
    ResellerDesk desk;

    @Inject
    ServerActions actions;

    @Inject
    ResellerProfiles profiles;

    private final HttpClient http = new Http().client();
    private Fixtures.Reseller a;
    private Fixtures.Reseller b;
    private Actor provider;
    private String keyA;
    private int ram;
    private long plan;
    private long addOn;

    @BeforeEach
    void twoResellersWithKeysAndPrices() {
        a = fixtures.reseller("api-a");
        b = fixtures.reseller("api-b");
        provider = fixtures.providerAdmin();
        // room for every request a test makes: the limits themselves are another suite's subject
        limits.set(provider, a.tenantId(), 100_000, 10_000);
        limits.set(provider, b.tenantId(), 100_000, 10_000);
        keyA = key(a, ALL_SCOPES);
        ram = billing.uniqueRam();
        plan = billing.plan(provider, "DEDICATED", ram, "USD", "100.00");
        addOn = billing.addOn(provider, "USD", "10.00");
        for (Fixtures.Reseller reseller : List.of(a, b)) {
            catalogue.setOwnPrice(reseller.admin(), plan, Cycle.MONTHLY, "USD", "150.00");
            catalogue.setOwnPrice(reseller.admin(), addOn, Cycle.MONTHLY, "USD", "15.00");
        }
    }

    // ---- happy paths

    @Test
    void aCustomersBalanceIsReadAndFundsThatArrivedAreRecordedOnIt() throws Exception {
        String balance = "/customers/" + a.customerId() + "/balance";
        assertEquals(amount("0.00", "USD"), ok(get(a, keyA, balance)).getJsonObject("balance"));

        JsonObject added = ok(post(a, keyA, "/customers/" + a.customerId() + "/funds",
                "{\"amount\":\"25.50\",\"note\":\"Transfer 42\"}"));

        assertEquals(amount("25.50", "USD"), added.getJsonObject("balance"));
        JsonObject payment = added.getJsonArray("payments").getJsonObject(0);
        assertEquals("CONFIRMED", payment.getString("status"));
        assertEquals(amount("25.50", "USD"), payment.getJsonObject("amount"));
        JsonObject movement = added.getJsonArray("movements").getJsonObject(0);
        assertEquals("DEPOSIT", movement.getString("kind"));
        assertEquals("Transfer 42", movement.getString("note"));
        assertEquals(amount("25.50", "USD"), ok(get(a, keyA, balance)).getJsonObject("balance"));
        assertEquals(new Money(new BigDecimal("25.50"), "USD"), accounts.ofCustomer(a.admin(), a.customerId()).balance());
    }

    @Test
    void theCatalogueShowsTheListTheWholesaleAndTheOwnPriceOfEachCycle() throws Exception {
        ProductView expected = catalogue.forReseller(a.admin(), null).stream().filter(p -> p.id() == plan).findFirst()
                .orElseThrow();

        JsonObject product = find(ok(get(a, keyA, "/products")), "id", plan);

        assertEquals("PLAN", product.getString("kind"));
        assertEquals("DEDICATED", product.getString("category"));
        assertEquals(ram, product.getInt("minRamGb"));
        JsonObject monthly = product.getJsonArray("prices").getJsonObject(0);
        assertEquals("MONTHLY", monthly.getString("cycle"));
        assertEquals(amount("100.00", "USD"), monthly.getJsonObject("list"));
        assertEquals(amount(expected.wholesale().get(Cycle.MONTHLY)), monthly.getJsonObject("wholesale"));
        assertEquals(amount("150.00", "USD"), monthly.getJsonObject("own"));
        assertEquals(1, product.getJsonArray("prices").size(), "only the cycles with a list price");
    }

    @Test
    void anOrderIsPlacedInvoicedPaidAndProvisionedThroughTheApi() throws Exception {
        long server = billing.poolServer(provider, ram);

        Answer placed = post(a, keyA, "/orders", "{\"customerId\":" + a.customerId() + ",\"planId\":" + plan
                + ",\"addOnIds\":[" + addOn + "],\"cycle\":\"MONTHLY\",\"note\":\"via API\"}");

        assertEquals(201, placed.status(), placed.body());
        JsonObject order = placed.json();
        long orderId = order.getJsonNumber("id").longValue();
        assertTrue(placed.header("Location").endsWith("/api/v1/orders/" + orderId));
        assertEquals("PENDING", order.getString("status"));
        assertEquals(a.customerId(), order.getJsonNumber("customerId").longValue());
        assertEquals(plan, order.getJsonNumber("planId").longValue());
        assertEquals(amount("165.00", "USD"), order.getJsonObject("retail"));
        long invoiceId = order.getJsonNumber("invoiceId").longValue();
        assertEquals(invoiceId, orders.get(a.admin(), orderId).invoiceId());
        find(ok(get(a, keyA, "/orders")), "id", orderId);
        assertEquals("PENDING", ok(get(a, keyA, "/orders/" + orderId)).getString("status"));

        find(ok(get(a, keyA, "/invoices?kind=CUSTOMER")), "id", invoiceId);
        JsonObject invoice = ok(get(a, keyA, "/invoices/" + invoiceId));
        assertEquals("ISSUED", invoice.getString("status"));
        assertEquals(amount("165.00", "USD"), invoice.getJsonObject("total"));
        assertEquals(2, invoice.getJsonArray("lines").size());
        BigDecimal lines = invoice.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .map(l -> new BigDecimal(l.getJsonObject("amount").getString("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal(invoice.getJsonObject("subtotal").getString("amount")), lines, "the lines make the subtotal");
        Answer pdf = get(a, keyA, "/invoices/" + invoiceId + "/pdf");
        assertEquals(200, pdf.status());
        assertTrue(pdf.header("Content-Type").startsWith("application/pdf"), pdf.header("Content-Type"));
        assertTrue(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));

        Answer short1 = post(a, keyA, "/invoices/" + invoiceId + "/pay", "");
        assertProblem(short1, 422, "invalid-input");
        assertEquals(InvoiceStatus.ISSUED, invoices.visible(a.admin(), invoiceId).getStatus(), "refused, and nothing changed");

        ok(post(a, keyA, "/customers/" + a.customerId() + "/funds", "{\"amount\":\"200.00\"}"));
        JsonObject paid = ok(post(a, keyA, "/invoices/" + invoiceId + "/pay", ""));

        assertEquals("PAID", paid.getString("status"));
        assertFalse(paid.isNull("paidAt"), "paid now");
        assertEquals("PROVISIONED", ok(get(a, keyA, "/orders/" + orderId)).getString("status"));
        assertEquals(server, billing.serviceOf(orderId).getServerId());
        assertEquals(amount("35.00", "USD"), ok(get(a, keyA, "/customers/" + a.customerId() + "/balance")).getJsonObject("balance"));
    }

    @Test
    void aPendingOrderIsCancelledOnceAndARetryWithItsKeyReplaysTheAnswer() throws Exception {
        JsonObject order = ok(post(a, keyA, "/orders", "{\"customerId\":" + a.customerId() + ",\"planId\":" + plan
                + ",\"cycle\":\"MONTHLY\"}"), 201);
        long orderId = order.getJsonNumber("id").longValue();
        long invoiceId = order.getJsonNumber("invoiceId").longValue();

        Answer cancelled = post(a, keyA, "/orders/" + orderId + "/cancel", "", "Idempotency-Key", "cancel-" + orderId);
        Answer retried = post(a, keyA, "/orders/" + orderId + "/cancel", "", "Idempotency-Key", "cancel-" + orderId);

        assertEquals("CANCELLED", ok(cancelled).getString("status"));
        assertEquals(200, retried.status());
        assertEquals("true", retried.header("Idempotent-Replayed"));
        assertEquals(cancelled.body(), retried.body());
        assertEquals(OrderStatus.CANCELLED, orders.get(a.admin(), orderId).status());
        assertEquals("VOID", ok(get(a, keyA, "/invoices/" + invoiceId)).getString("status"));
        assertProblem(post(a, keyA, "/orders/" + orderId + "/cancel", ""), 422, "invalid-input");
    }

    @Test
    void aServersJobsAreQueuedWith202AndFollowedAndItsReverseDnsSet() throws Exception {
        long id = servers.assigned(provider, a, "api");
        String address = servers.ipv4(id);

        Answer list = get(a, keyA, "/servers");
        find(ok(list), "id", id);
        assertFalse(list.body().contains(ServerFixtures.RACK) || list.body().contains(ServerFixtures.BMC_HOST)
                || list.body().contains(ServerFixtures.UPSTREAM), "nothing of the provider's own");
        JsonObject server = ok(get(a, keyA, "/servers/" + id));
        assertEquals(a.customerId(), server.getJsonNumber("customerId").longValue());

        Answer powered = post(a, keyA, "/servers/" + id + "/power", "{\"action\":\"HARD_OFF\"}");
        assertEquals(202, powered.status(), powered.body());
        JsonObject job = powered.json();
        long jobId = job.getJsonNumber("id").longValue();
        assertEquals("HARD_OFF", job.getString("action"));
        assertTrue(powered.header("Location").endsWith("/api/v1/servers/" + id + "/jobs/" + jobId));
        assertTrue(job.getString("requester").startsWith("api-key:"), "the job names the key that asked");
        servers.awaitEnd(jobId);
        JsonObject done = ok(get(a, keyA, "/servers/" + id + "/jobs/" + jobId));
        assertEquals("DONE", done.getString("state"));

        Answer reinstall = post(a, keyA, "/servers/" + id + "/reinstall", "{\"template\":\"almalinux-9\"}");
        assertEquals(202, reinstall.status(), reinstall.body());
        assertEquals("REINSTALL", reinstall.json().getString("action"));
        assertEquals("almalinux-9", reinstall.json().getString("template"));
        servers.awaitEnd(reinstall.json().getJsonNumber("id").longValue());

        JsonObject ptr = ok(put(a, keyA, "/servers/" + id + "/addresses/" + address + "/ptr", "{\"hostname\":\"Web.Example.com\"}"));
        assertEquals(address, ptr.getString("address"));
        assertEquals("web.example.com", ptr.getString("ptr"));
        assertEquals("web.example.com", find(ok(get(a, keyA, "/servers/" + id)).getJsonArray("addresses")
                .getValuesAs(JsonObject.class), "address", address).getString("ptr"));
    }

    @Test
    void aTicketOpenedAnsweredAndEscalatedShowsOnlyItsPublicThread() throws Exception {
        long department = desk.departments(a.admin()).stream().filter(d -> d.active()).findFirst().orElseThrow().id();

        Answer opened = post(a, keyA, "/tickets", "{\"customerId\":" + a.customerId() + ",\"departmentId\":" + department
                + ",\"subject\":\"Server down\",\"body\":\"It does not boot since this morning\",\"priority\":\"HIGH\"}");

        assertEquals(201, opened.status(), opened.body());
        long number = opened.json().getJsonNumber("number").longValue();
        assertTrue(opened.header("Location").endsWith("/api/v1/tickets/" + number));
        assertEquals("HIGH", opened.json().getString("priority"));
        assertEquals("OPEN", opened.json().getString("status"));
        JsonObject first = opened.json().getJsonArray("messages").getJsonObject(0);
        assertEquals("CUSTOMER", first.getString("authorKind"), "the customer's request, as if opened in the portal");
        assertEquals("Carla Customer", first.getString("author"));
        assertEquals(MessageSource.API, fixtures.messages(a.tenantId(), number).get(0).getSource());
        find(ok(get(a, keyA, "/tickets")), "number", number);

        desk.reply(a.agent(), number, Visibility.RESELLER_NOTE, "Internal: the customer pays late", List.of());
        Answer replied = post(a, keyA, "/tickets/" + number + "/replies", "{\"body\":\"We are looking into it\"}");
        assertEquals(201, replied.status(), replied.body());
        assertEquals("RESELLER", replied.json().getString("authorKind"));
        assertEquals("We are looking into it", replied.json().getString("body"));
        JsonObject escalated = ok(post(a, keyA, "/tickets/" + number + "/escalate", "{\"reason\":\"Hardware fault on the board\"}"));
        assertEquals("ESCALATED", escalated.getString("status"));
        assertEquals("OPEN", escalated.getString("escalation"));

        Answer read = get(a, keyA, "/tickets/" + number);
        List<String> bodies = ok(read).getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("body")).toList();
        assertEquals(List.of("It does not boot since this morning", "We are looking into it"), bodies);
        assertFalse(read.body().contains("Internal") || read.body().contains("Hardware fault"),
                "no note, no escalation thread, no escalation reason");
        List<TicketMessage> stored = fixtures.messages(a.tenantId(), number);
        assertEquals(4, stored.size(), "all four messages are there, the API shows two");
        assertEquals(TicketStatus.ESCALATED, desk.read(a.admin(), number).summary().status());
    }

    @Test
    void theAccountShowsTheResellersBalancesTierAndDiscount() throws Exception {
        accounts.addFunds(provider, null, a.tenantId(), "50.00", "Transfer to the provider");
        ProgramStanding standing = profiles.own(a.admin());

        JsonObject account = ok(get(a, keyA, "/account"));

        assertEquals(List.of(amount("50.00", "USD")), account.getJsonArray("balances").getValuesAs(JsonObject.class));
        assertEquals(standing.tier().name(), account.getString("tier"));
        assertEquals(standing.policy().name(), account.getString("policy"));
        assertEquals(standing.activeServers(), account.getInt("activeServers"));
        if (standing.percent() != null) {
            assertEquals(0, standing.percent().compareTo(new BigDecimal(account.getString("percent"))));
        }
        assertEquals(amount(standing.turnover()), account.getJsonObject("turnover"));
    }

    // ---- another tenant's ids

    @Test
    void anotherResellersIdsAreNotFoundThroughEveryResourceAndVerbAndNothingChanges() throws Exception {
        long bOrder = orders.place(b.admin(), new OrderForm(b.customerId(), plan, List.of(), Cycle.MONTHLY, null));
        long bInvoice = orders.get(b.admin(), bOrder).invoiceId();
        accounts.addFunds(b.agent(), b.customerId(), null, "500.00", null);
        long bServer = servers.assigned(provider, b, "api-b");
        String bAddress = servers.ipv4(bServer);
        long bJob = actions.power(b.admin(), bServer, PowerAction.HARD_OFF).id();
        servers.awaitEnd(bJob);
        long bDepartment = desk.departments(b.admin()).get(0).id();
        long bNumber = 0;
        for (int i = 0; i < 3; i++) {
            bNumber = desk.open(b.admin(), b.customerId(), new NewTicket(bDepartment, "B's ticket " + i, "text", Priority.LOW, null));
        }
        long aServer = servers.assigned(provider, a, "api-a");
        long aDepartment = desk.departments(a.admin()).get(0).id();
        long aNumber = desk.open(a.admin(), a.customerId(), new NewTicket(aDepartment, "A's ticket", "text", Priority.LOW, null));
        assertTrue(bNumber > aNumber, "B's number is one A does not have");
        String missing = get(a, keyA, "/orders/" + Long.MAX_VALUE).body();

        List<Answer> answers = new ArrayList<>();
        answers.add(get(a, keyA, "/customers/" + b.customerId() + "/balance"));
        answers.add(post(a, keyA, "/customers/" + b.customerId() + "/funds", "{\"amount\":\"10.00\"}"));
        answers.add(get(a, keyA, "/orders/" + bOrder));
        answers.add(post(a, keyA, "/orders/" + bOrder + "/cancel", ""));
        answers.add(post(a, keyA, "/orders", "{\"customerId\":" + b.customerId() + ",\"planId\":" + plan
                + ",\"cycle\":\"MONTHLY\"}"));
        answers.add(get(a, keyA, "/invoices/" + bInvoice));
        answers.add(get(a, keyA, "/invoices/" + bInvoice + "/pdf"));
        answers.add(post(a, keyA, "/invoices/" + bInvoice + "/pay", ""));
        answers.add(get(a, keyA, "/servers/" + bServer));
        answers.add(post(a, keyA, "/servers/" + bServer + "/power", "{\"action\":\"ON\"}"));
        answers.add(post(a, keyA, "/servers/" + bServer + "/reinstall", "{\"template\":\"almalinux-9\"}"));
        answers.add(get(a, keyA, "/servers/" + bServer + "/jobs/" + bJob));
        answers.add(get(a, keyA, "/servers/" + aServer + "/jobs/" + bJob));
        answers.add(put(a, keyA, "/servers/" + bServer + "/addresses/" + bAddress + "/ptr", "{\"hostname\":\"b.example.com\"}"));
        answers.add(put(a, keyA, "/servers/" + aServer + "/addresses/" + bAddress + "/ptr", "{\"hostname\":\"b.example.com\"}"));
        answers.add(get(a, keyA, "/tickets/" + bNumber));
        answers.add(post(a, keyA, "/tickets/" + bNumber + "/replies", "{\"body\":\"hello\"}"));
        answers.add(post(a, keyA, "/tickets/" + bNumber + "/escalate", "{\"reason\":\"look\"}"));
        answers.add(post(a, keyA, "/tickets", "{\"customerId\":" + b.customerId() + ",\"departmentId\":" + aDepartment
                + ",\"subject\":\"Hi\",\"body\":\"text\"}"));

        for (Answer answer : answers) {
            assertProblem(answer, 404, "not-found");
            assertEquals(missing, answer.body(), answer.request() + ": answered as an id that does not exist");
        }
        assertEquals(OrderStatus.PENDING, orders.get(b.admin(), bOrder).status());
        assertEquals(InvoiceStatus.ISSUED, invoices.visible(b.admin(), bInvoice).getStatus());
        assertEquals(new Money(new BigDecimal("500.00"), "USD"), accounts.ofCustomer(b.admin(), b.customerId()).balance());
        assertEquals(1, actions.recentJobs(b.admin(), bServer).size());
        assertNull(actions.view(b.admin(), bServer).addresses().stream().filter(x -> x.address().equals(bAddress))
                .findFirst().orElseThrow().ptr());
        assertEquals(1, fixtures.messages(b.tenantId(), bNumber).size());
        assertEquals(TicketStatus.OPEN, desk.read(b.admin(), bNumber).summary().status());
        assertEquals(1, fixtures.ticketCount(a.tenantId()));
        assertTrue(orders.page(a.admin(), null).isEmpty());
    }

    // ---- scopes

    @Test
    void eachMethodIsRefusedToAKeyWithoutItsScopeAndNothingIsWritten() throws Exception {
        long orderId = orders.place(a.admin(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, null));
        long invoiceId = orders.get(a.admin(), orderId).invoiceId();
        accounts.addFunds(a.agent(), a.customerId(), null, "500.00", null);
        long server = servers.assigned(provider, a, "api-scope");
        String address = servers.ipv4(server);
        long jobId = actions.power(a.admin(), server, PowerAction.HARD_OFF).id();
        servers.awaitEnd(jobId);
        long department = desk.departments(a.admin()).get(0).id();
        long number = desk.open(a.admin(), a.customerId(), new NewTicket(department, "Scoped", "text", Priority.LOW, null));
        String accountOnly = key(a, "account:read");
        String readOnly = key(a, READ_SCOPES);
        String customerId = String.valueOf(a.customerId());
        String newOrder = "{\"customerId\":" + customerId + ",\"planId\":" + plan + ",\"cycle\":\"MONTHLY\"}";
        String newTicket = "{\"customerId\":" + customerId + ",\"departmentId\":" + department
                + ",\"subject\":\"S\",\"body\":\"B\"}";

        List<Call> calls = List.of(
                new Call("GET", "/customers/" + customerId + "/balance", null, "customers:read"),
                new Call("POST", "/customers/" + customerId + "/funds", "{\"amount\":\"1.00\"}", "customers:write"),
                new Call("GET", "/products", null, "orders:read"),
                new Call("GET", "/orders", null, "orders:read"),
                new Call("GET", "/orders/" + orderId, null, "orders:read"),
                new Call("POST", "/orders", newOrder, "orders:write"),
                new Call("POST", "/orders/" + orderId + "/cancel", "", "orders:write"),
                new Call("GET", "/invoices", null, "invoices:read"),
                new Call("GET", "/invoices/" + invoiceId, null, "invoices:read"),
                new Call("GET", "/invoices/" + invoiceId + "/pdf", null, "invoices:read"),
                new Call("POST", "/invoices/" + invoiceId + "/pay", "", "invoices:write"),
                new Call("GET", "/servers", null, "servers:read"),
                new Call("GET", "/servers/" + server, null, "servers:read"),
                new Call("GET", "/servers/" + server + "/jobs/" + jobId, null, "servers:read"),
                new Call("POST", "/servers/" + server + "/power", "{\"action\":\"ON\"}", "servers:power"),
                new Call("POST", "/servers/" + server + "/reinstall", "{\"template\":\"almalinux-9\"}", "servers:power"),
                new Call("PUT", "/servers/" + server + "/addresses/" + address + "/ptr", "{\"hostname\":\"s.example.com\"}",
                        "servers:power"),
                new Call("GET", "/tickets", null, "tickets:read"),
                new Call("GET", "/tickets/" + number, null, "tickets:read"),
                new Call("POST", "/tickets", newTicket, "tickets:write"),
                new Call("POST", "/tickets/" + number + "/replies", "{\"body\":\"hello\"}", "tickets:write"),
                new Call("POST", "/tickets/" + number + "/escalate", "{\"reason\":\"look\"}", "tickets:write"));

        for (Call call : calls) {
            Answer refused = send(call.method(), a, accountOnly, call.path(), call.body());
            assertProblem(refused, 403, "scope-missing");
            assertEquals("Needs " + call.scope(), refused.json().getString("detail"), call.method() + " " + call.path());
            Answer withReadScopes = send(call.method(), a, readOnly, call.path(), call.body());
            if (call.scope().endsWith(":read")) {
                assertEquals(200, withReadScopes.status(), call.method() + " " + call.path() + ": " + withReadScopes.body());
            } else {
                assertProblem(withReadScopes, 403, "scope-missing");
            }
        }
        assertProblem(get(a, key(a, "customers:read"), "/account"), 403, "scope-missing");
        assertEquals(200, get(a, accountOnly, "/account").status());

        assertEquals(1, orders.page(a.admin(), null).size(), "no order placed");
        assertEquals(OrderStatus.PENDING, orders.get(a.admin(), orderId).status());
        assertEquals(InvoiceStatus.ISSUED, invoices.visible(a.admin(), invoiceId).getStatus());
        assertEquals(new Money(new BigDecimal("500.00"), "USD"), accounts.ofCustomer(a.admin(), a.customerId()).balance());
        assertEquals(1, actions.recentJobs(a.admin(), server).size(), "no job queued");
        assertEquals(1, fixtures.ticketCount(a.tenantId()));
        assertEquals(1, fixtures.messages(a.tenantId(), number).size());
    }

    // ---- refused input

    @Test
    void refusedInputIsAProblemListingEachFieldAndWritesNothing() throws Exception {
        long server = servers.assigned(provider, a, "api-input");
        String address = servers.ipv4(server);
        String funds = "/customers/" + a.customerId() + "/funds";

        assertFields(post(a, keyA, "/orders", "{}"), "customerId", "planId", "cycle");
        assertFields(post(a, keyA, "/orders", "{\"customerId\":" + a.customerId() + ",\"planId\":" + plan
                + ",\"cycle\":\"WEEKLY\",\"addOnIds\":[null]}"), "cycle", "addOnIds");
        assertFields(post(a, keyA, "/orders", "{\"customerId\":" + a.customerId() + ",\"planId\":" + addOn
                + ",\"cycle\":\"MONTHLY\"}"), "planId");
        assertProblem(post(a, keyA, "/orders", "{\"customerId\":\"abc\",\"planId\":" + plan + ",\"cycle\":\"MONTHLY\"}"), 400,
                "malformed-json");
        assertProblem(post(a, keyA, "/orders", "{\"customerId\":"), 400, "malformed-json");
        assertTrue(orders.page(a.admin(), null).isEmpty(), "no order");

        Answer ticket = post(a, keyA, "/tickets", "{\"customerId\":" + a.customerId()
                + ",\"departmentId\":0,\"subject\":\"\",\"body\":\"   \"}");
        assertFields(ticket, "departmentId", "subject", "body");
        Answer choice = post(a, keyA, "/tickets", "{\"priority\":\"SOON\"}");
        assertFields(choice, "customerId", "priority");
        assertEquals("This is not one of the values this field takes.", error(choice, "priority").getString("message"),
                "the reason in words from the theme");
        assertEquals(0, fixtures.ticketCount(a.tenantId()), "no ticket");

        assertFields(post(a, keyA, funds, "{\"amount\":\"12.345\"}"), "amount");
        assertFields(post(a, keyA, funds, "{\"amount\":\"-5\"}"), "amount");
        assertFields(post(a, keyA, funds, "{}"), "amount");
        assertTrue(accounts.ofCustomer(a.admin(), a.customerId()).balance().isZero(), "no funds");

        assertFields(post(a, keyA, "/servers/" + server + "/power", "{\"action\":\"EXPLODE\"}"), "action");
        assertFields(post(a, keyA, "/servers/" + server + "/power", "{}"), "action");
        assertFields(post(a, keyA, "/servers/" + server + "/reinstall", "{\"template\":\"../../etc/passwd\"}"), "template");
        assertFields(put(a, keyA, "/servers/" + server + "/addresses/" + address + "/ptr", "{\"hostname\":\"not a host\"}"),
                "hostname");
        assertTrue(actions.recentJobs(a.admin(), server).isEmpty(), "no job");
        assertNull(actions.view(a.admin(), server).addresses().stream().filter(x -> x.address().equals(address))
                .findFirst().orElseThrow().ptr());

        assertFields(get(a, keyA, "/invoices?kind=REFUND"), "kind");
        assertFields(get(a, keyA, "/tickets?status=LOST"), "status");
        assertFields(get(a, keyA, "/products?currency=EURO"), "currency");
    }

    // ---- helpers

    private String key(Fixtures.Reseller reseller, String scopes) {
        return keys.create(reseller.admin(), new ApiKeys.NewKey("it-" + UUID.randomUUID().toString().substring(0, 8), scopes,
                null, null)).secret();
    }

    /** A request and the scope it needs. */
    private record Call(String method, String path, String body, String scope) {
    }

    /** An answer from the API, kept whole for the assertions. */
    private record Answer(String request, int status, byte[] bytes, java.net.http.HttpHeaders headers) {

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonObject json() {
            return Json.createReader(new StringReader(body())).readObject();
        }

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    private Answer get(Fixtures.Reseller on, String key, String path) throws Exception {
        return send("GET", on, key, path, null);
    }

    private Answer post(Fixtures.Reseller on, String key, String path, String body, String... headers) throws Exception {
        return send("POST", on, key, path, body, headers);
    }

    private Answer put(Fixtures.Reseller on, String key, String path, String body) throws Exception {
        return send("PUT", on, key, path, body);
    }

    /** A request to the API on the reseller's own host; a body (even empty) goes as JSON. */
    private Answer send(String method, Fixtures.Reseller on, String key, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Http.PORT + "/api/v1" + path))
                .header("Host", on.host() + ":" + Http.PORT).header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(method + " " + path, response.statusCode(), response.body(), response.headers());
    }

    private static JsonObject ok(Answer answer) {
        return ok(answer, 200);
    }

    private static JsonObject ok(Answer answer, int status) {
        assertEquals(status, answer.status(), answer.request() + ": " + answer.body());
        return answer.json();
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.request() + ": " + answer.body());
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer.request());
        assertEquals(code, answer.json().getString("code"), answer.request());
        assertFalse(answer.body().contains("Exception") || answer.body().contains(".java"), "no stack trace");
    }

    /** A 422 naming exactly these fields, in this order, each with a code and words. */
    private static void assertFields(Answer answer, String... fields) {
        assertProblem(answer, 422, "invalid-input");
        List<JsonObject> errors = answer.json().getJsonArray("errors").getValuesAs(JsonObject.class);
        assertEquals(List.of(fields), errors.stream().map(e -> e.getString("field")).toList(), answer.request());
        for (JsonObject error : errors) {
            assertFalse(error.getString("code").isBlank());
            assertFalse(error.getString("message").equals(error.getString("code")), "the code has words: " + error);
        }
    }

    private static JsonObject error(Answer answer, String field) {
        return answer.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .filter(e -> field.equals(e.getString("field"))).findFirst().orElseThrow();
    }

    /** The item of a page (or of a list) whose numeric or text {@code field} is {@code value}. */
    private static JsonObject find(JsonObject page, String field, long value) {
        return find(page.getJsonArray("items").getValuesAs(JsonObject.class), field, String.valueOf(value));
    }

    private static JsonObject find(List<JsonObject> items, String field, String value) {
        return items.stream().filter(i -> i.get(field) != null && i.get(field).getValueType() != JsonValue.ValueType.NULL
                && value.equals(i.get(field) instanceof jakarta.json.JsonString text ? text.getString() : i.get(field).toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + " = " + value + " in " + items));
    }

    private static JsonObject amount(String amount, String currency) {
        return Json.createObjectBuilder().add("amount", amount).add("currency", currency).build();
    }

    private static JsonObject amount(Money money) {
        return amount(money.amount().toPlainString(), money.currency());
    }
}
