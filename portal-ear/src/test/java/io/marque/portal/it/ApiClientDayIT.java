package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.api.client.ApiClient;
import io.marque.api.client.ApiException;
import io.marque.api.client.api.ContractApi;
import io.marque.api.client.api.CustomersApi;
import io.marque.api.client.model.Customer;
import io.marque.api.client.model.CustomerStatus;
import io.marque.api.client.model.NewCustomer;
import io.marque.api.client.api.InvoicesApi;
import io.marque.api.client.api.OrdersApi;
import io.marque.api.client.api.ProductsApi;
import io.marque.api.client.api.ServersApi;
import io.marque.api.client.api.TicketsApi;
import io.marque.api.client.model.Balance;
import io.marque.api.client.model.Invoice;
import io.marque.api.client.model.InvoiceStatus;
import io.marque.api.client.model.Job;
import io.marque.api.client.model.JobState;
import io.marque.api.client.model.NewFunds;
import io.marque.api.client.model.NewOrder;
import io.marque.api.client.model.NewTicket;
import io.marque.api.client.model.Order;
import io.marque.api.client.model.OrderStatus;
import io.marque.api.client.model.Power;
import io.marque.api.client.model.Product;
import io.marque.api.client.model.Server;
import io.marque.api.client.model.Ticket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reseller's typical day through the Java client generated from the API's OpenAPI document (module
 * api-client): its software creates a customer (retrying the POST with the same Idempotency-Key changes
 * nothing), adds funds to her balance, orders a server for her, pays the invoice from her balance, powers
 * the server on and opens a ticket for her. Runs against the real server on the demo reseller Acme's
 * domain, as the reseller's software would; only the key (the reseller area makes keys) and a pool server
 * for the order are written into the database first, the key as the hash of a secret made here.
 *
 * <p>Because the client is generated from the document at build time, a path, parameter or field the code
 * drops or renames fails this class's compilation.
 */
@ExtendWith(ArquillianExtension.class)
class ApiClientDayIT {

    static final String ACME = "acme.localhost";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private String secret;
    private String poolServer;

    @BeforeEach
    void aKeyOfAcmeWithEveryScopeAndAServerInThePool() throws SQLException {
        secret = "rk_" + random(12) + "_" + random(32);
        poolServer = "day-" + run + ".pool.example";
        try (Connection db = database()) {
            long acme = one(db, "select id from tenant where slug = 'acme'");
            long admin = one(db, "select id from app_user where tenant_id = ? and email = 'admin@acme.example'", acme);
            update(db, "insert into api_key (id, tenant_id, name, prefix, secret_hash, scopes, created_by_user_id, created_by,"
                    + " created_at, request_count, version) values (nextval('marque_seq'), ?, ?, ?, ?, ?, ?, 'admin@acme.example',"
                    + " current_timestamp, 0, 0)", acme, "day-" + run, secret.substring(3, 15), sha256(secret),
                    "customers:read customers:write orders:read orders:write invoices:read invoices:write servers:read"
                            + " servers:power tickets:read tickets:write account:read", admin);
            // a pool server with the least memory a "VPS S" needs, so the order takes this one
            int ram = (int) one(db, "select min_ram_gb from product where code = 'vps-s'");
            update(db, "insert into server (id, hostname, cpu, ram_gb, disks, location, os, driver, bmc_port, status, created_at,"
                    + " version) values (nextval('marque_seq'), ?, '2 vCPU', ?, '80 GB SSD', 'Frankfurt', 'Debian 12', 'simulated',"
                    + " 623, 'ACTIVE', current_timestamp, 0)", poolServer, ram);
        }
    }

    @AfterEach
    void noServerOfThisTestLeftInThePool() throws SQLException {
        // if the order took another pool server, this one must not be what a later test's order gets
        try (Connection db = database()) {
            update(db, "update server set status = 'TERMINATED' where hostname = ? and tenant_id is null", poolServer);
            update(db, "update api_key set revoked_at = current_timestamp where name = ?", "day-" + run);
        }
    }

    @Test
    void aResellersDayThroughTheGeneratedClient() throws Exception {
        // the contract itself needs no key
        Object document = new ContractApi(client(null)).getOpenapiJson();
        assertTrue(document instanceof Map<?, ?> map && "Reseller API".equals(((Map<?, ?>) map.get("info")).get("title")),
                "the public document: " + document);

        // without a key nothing else answers: 401 as problem+json
        ApiException refused = assertThrows(ApiException.class, () -> new CustomersApi(client(null)).getCustomers(null, null));
        assertEquals(401, refused.getCode());
        assertTrue(refused.getResponseHeaders().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(refused.getResponseBody().contains("\"code\":\"unauthorized\""), refused.getResponseBody());

        ApiClient client = client(secret);

        // a new customer, invited by mail; the retried POST (same Idempotency-Key) answers the same customer
        CustomersApi customers = new CustomersApi(client);
        String email = "dana-" + run + "@day.example";
        NewCustomer dana = new NewCustomer().name("Dana Day").company("Day & Co").email(email);
        String createKey = "create-" + run;
        Customer created = customers.postCustomers(dana, createKey);
        assertEquals(email, created.getEmail());
        assertEquals(CustomerStatus.INVITED, created.getStatus());
        Customer retried = customers.postCustomers(dana, createKey);
        assertEquals(created.getId(), retried.getId(), "a retried POST creates nothing new");
        assertEquals("Dana Day", customers.getCustomersById(created.getId()).getName());
        assertTrue(customers.getCustomers(null, email).getItems().stream().anyMatch(c -> c.getId().equals(created.getId())),
                "found by her address");

        // the plan a "VPS S" is sold as; ordered for Dana monthly, invoiced to her at once
        Product vps = new ProductsApi(client).getProducts(null).getItems().stream()
                .filter(p -> "vps-s".equals(p.getCode())).findFirst().orElseThrow();
        OrdersApi orders = new OrdersApi(client);
        Order order = orders.postOrders(new NewOrder().customerId(created.getId()).planId(vps.getId()).cycle("MONTHLY")
                .note("Ordered by the reseller's own software"), "order-" + run);
        assertEquals(OrderStatus.PENDING, order.getStatus());
        assertNotNull(order.getInvoiceId());
        assertEquals(order.getId(), orders.postOrders(new NewOrder().customerId(created.getId()).planId(vps.getId())
                .cycle("MONTHLY").note("Ordered by the reseller's own software"), "order-" + run).getId(), "no second order");

        // the invoice (the order's price with tax) is read, Dana's money for it arrives, and it is paid from her balance
        InvoicesApi invoices = new InvoicesApi(client);
        Invoice invoice = invoices.getInvoicesById(order.getInvoiceId());
        assertEquals(InvoiceStatus.ISSUED, invoice.getStatus());
        assertSameAmount(order.getRetail().getAmount(), invoice.getSubtotal().getAmount());
        Balance funded = customers.postCustomersFunds(created.getId(),
                new NewFunds().amount(invoice.getTotal().getAmount()).note("Bank transfer " + run), "funds-" + run);
        assertSameAmount(invoice.getTotal().getAmount(), funded.getBalance().getAmount());
        Invoice paid = invoices.postInvoicesPay(order.getInvoiceId(), "pay-" + run);
        assertEquals(InvoiceStatus.PAID, paid.getStatus());
        assertEquals(0, new java.math.BigDecimal(customers.getCustomersBalance(created.getId()).getBalance().getAmount()).signum(),
                "her balance paid the invoice");

        // paid, the order is provisioned with the pool server and Dana's server is there
        assertEquals(OrderStatus.PROVISIONED, orders.getOrdersById(order.getId()).getStatus());
        ServersApi servers = new ServersApi(client);
        Server server = servers.getServers(null).getItems().stream().filter(s -> created.getId().equals(s.getCustomerId()))
                .findFirst().orElseThrow(() -> new AssertionError("Dana has no server"));

        // powered on: a job, followed until it is done
        Job job = servers.postServersPower(server.getId(), new Power().action("ON"), "power-" + run);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (job.getState() != JobState.DONE && job.getState() != JobState.FAILED && System.nanoTime() < deadline) {
            Thread.sleep(250);
            job = servers.getServersJobsByJobId(server.getId(), job.getId());
        }
        assertEquals(JobState.DONE, job.getState(), "the power job: " + job);
        assertEquals("ON", servers.getServersById(server.getId()).getPowerState());

        // and a ticket for her, its first message the public thread
        long department;
        try (Connection db = database()) {
            department = one(db, "select min(d.id) from department d join tenant t on t.id = d.tenant_id"
                    + " where t.slug = 'acme' and d.active");
        }
        Ticket ticket = new TicketsApi(client).postTickets(new NewTicket().customerId(created.getId()).departmentId(department)
                .subject("New server " + server.getHostname()).body("Your server is ready and powered on.").priority("NORMAL"),
                "ticket-" + run);
        assertEquals(created.getId(), ticket.getCustomerId());
        assertEquals("Your server is ready and powered on.",
                new TicketsApi(client).getTicketsByNumber(ticket.getNumber()).getMessages().get(0).getBody());
    }

    /** Two amounts as the API writes them ({@code "12.50"}) are the same number. */
    static void assertSameAmount(String expected, String actual) {
        assertEquals(0, new java.math.BigDecimal(expected).compareTo(new java.math.BigDecimal(actual)), expected + " ≠ " + actual);
    }

    /** The generated client on Acme's domain: requests go to 127.0.0.1 with Acme's Host, the key as a bearer token. */
    static ApiClient client(String key) {
        ApiClient client = new ApiClient();
        // HTTP/1.1: over an h2c upgrade Java would send the URI's authority instead of the Host header
        client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
        client.setConnectTimeout(Duration.ofSeconds(10));
        client.setReadTimeout(Duration.ofSeconds(60));
        client.updateBaseUri("http://127.0.0.1:" + Http.PORT + "/api/v1");
        client.setRequestInterceptor(request -> {
            request.header("Host", ACME + ":" + Http.PORT);
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
        });
        return client;
    }

    /** The tests' database, as ./marque test gives it to the server (MARQUE_DB_*). */
    static Connection database() throws SQLException {
        String url = System.getenv().getOrDefault("MARQUE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/marque_it");
        return DriverManager.getConnection(url, System.getenv().getOrDefault("MARQUE_DB_USER", "marque_it"),
                System.getenv().getOrDefault("MARQUE_DB_PASSWORD", "marque_it"));
    }

    private static long one(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, parameters); ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new AssertionError("no row: " + sql);
            }
            return rows.getLong(1);
        }
    }

    private static void update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
