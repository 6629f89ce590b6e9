package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.marque.portal.api.webhook.DeliveryView;
import io.marque.portal.api.webhook.WebhookDelivery;
import io.marque.portal.api.webhook.WebhookEvent;
import io.marque.portal.api.webhook.Webhooks;
import io.marque.portal.billing.account.Accounts;
import io.marque.portal.billing.catalogue.Catalogue;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.invoice.InvoiceStatus;
import io.marque.portal.billing.invoice.Invoices;
import io.marque.portal.billing.order.OrderForm;
import io.marque.portal.billing.order.Orders;
import io.marque.portal.identity.Actor;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.server.ServerActions;
import io.marque.portal.server.driver.PowerAction;
import io.marque.portal.server.job.JobState;
import io.marque.portal.server.job.ServerJob;
import io.marque.portal.ticket.CustomerDesk;
import io.marque.portal.ticket.NewTicket;
import io.marque.portal.ticket.Priority;
import io.marque.portal.ticket.ResellerDesk;
import io.marque.portal.ticket.Visibility;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks inside the server, against PostgreSQL, delivered over real HTTP to a receiver the test runs on
 * a free loopback port (the JDK's HttpServer; {@code ./marque test} allows private addresses, and so does
 * each test unless it says otherwise): an invoice payment arrives signed so that an HMAC computed here
 * from the secret shown once verifies it; a receiver answering 500 gets the same event again; a
 * rolled-back change sends nothing; only public ticket replies are announced; a server job's end is
 * announced without the provider's fields; private addresses are refused at save and again at delivery
 * when they are not allowed; another reseller reaches none of it.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {

    private static final String ALLOW_PRIVATE = "marque.webhooks.allow.private";
    private static final long WAIT_MS = 30_000;

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.earWith(WebhooksIT.class, WebhooksIT.Receiver.class, WebhooksIT.Received.class,
                WebhookFixtures.class, WebhookFixtures.RolledBack.class, BillingFixtures.class, ServerFixtures.class);
        // the receiver is the JDK's own HTTP server, a module the application itself never asks for
        ArchivePath descriptor = ArchivePaths.create("META-INF/jboss-deployment-structure.xml");
        String xml;
        try (InputStream in = ear.get(descriptor).getAsset().openStream()) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ear.delete(descriptor);
        ear.add(new StringAsset(xml.replaceFirst("<deployment>\\s*<dependencies>",
                "<deployment>\n    <dependencies>\n      <module name=\"jdk.httpserver\"/>")), descriptor);
        return ear;
    }

    @Inject
    Fixtures fixtures;

    @Inject
    BillingFixtures billing;

    @Inject
    ServerFixtures servers;

    @Inject
    WebhookFixtures hooks;

    @Inject
    Webhooks webhooks;

    @Inject
    Catalogue catalogue;

    @Inject
    Orders orders;

    @Inject
    Invoices invoices;

    @Inject
    Accounts accounts;

    @Inject
    CustomerDesk customerDesk;

    @Inject
    ResellerDesk resellerDesk;

    @Inject
    ServerActions actions;

    private Fixtures.Reseller a;
    private Fixtures.Reseller b;
    private Actor provider;
    private long plan;
    private Receiver receiver;
    private String allowPrivateBefore;

    @BeforeEach
    void aResellerWithAPlanAndAReceiver() throws IOException {
        allowPrivateBefore = System.getProperty(ALLOW_PRIVATE);
        System.setProperty(ALLOW_PRIVATE, "true");
        a = fixtures.reseller("hooks-a");
        b = fixtures.reseller("hooks-b");
        provider = fixtures.providerAdmin();
        plan = billing.plan(provider, "DEDICATED", billing.uniqueRam(), "USD", "100.00");
        catalogue.setOwnPrice(a.admin(), plan, Cycle.MONTHLY, "USD", "150.00");
        receiver = Receiver.start();
    }

    @AfterEach
    void stopTheReceiver() {
        // no delivery of this test may reach a later test's receiver, should it get the same port
        System.setProperty(ALLOW_PRIVATE, "true");
        for (Fixtures.Reseller reseller : List.of(a, b)) {
            webhooks.endpoints(reseller.admin()).forEach(e -> webhooks.remove(reseller.admin(), e.id()));
        }
        receiver.stop();
        if (allowPrivateBefore == null) {
            System.clearProperty(ALLOW_PRIVATE);
        } else {
            System.setProperty(ALLOW_PRIVATE, allowPrivateBefore);
        }
    }

    @Test
    void aPaidInvoiceArrivesSignedWithTheSecretShownOnce() throws Exception {
        Webhooks.Created endpoint = webhooks.create(a.admin(), form(receiver.url(), WebhookEvent.INVOICE_PAID));
        assertTrue(endpoint.secret().startsWith("whsec_"));
        String sealed = hooks.endpoint(endpoint.endpoint().id()).getSecretSealed();
        assertFalse(sealed.contains(endpoint.secret().substring(6)), "the secret is not stored in clear");
        assertTrue(sealed.startsWith("v1:"), "it is sealed with the installation's key");

        long invoiceId = placeOrder(a);
        accounts.addFunds(a.agent(), a.customerId(), null, "150.00", null);
        accounts.pay(a.customer(), invoiceId);

        Received delivery = receiver.next();
        String id = delivery.header("Webhook-Id");
        String timestamp = delivery.header("Webhook-Timestamp");
        assertTrue(id.matches("evt_[0-9a-f]{32}"), id);
        assertTrue(timestamp.matches("\\d{10}"), timestamp);
        assertEquals("POST", delivery.method());
        assertTrue(delivery.header("Content-Type").startsWith("application/json"));
        assertEquals("v1=" + hmac(endpoint.secret(), id + "." + timestamp + "." + delivery.body()), delivery.header("Webhook-Signature"),
                "a receiver computing HMAC-SHA256 over id.timestamp.body with the secret gets the same signature");
        assertFalse(delivery.header("User-Agent").toLowerCase().contains("java"), "the sender names no technology");

        JsonObject body = json(delivery.body());
        assertEquals(Set.of("id", "type", "created_at", "data"), body.keySet());
        assertEquals(id, body.getString("id"));
        assertEquals("invoice.paid", body.getString("type"));
        JsonObject data = body.getJsonObject("data");
        assertEquals(Set.of("invoiceId", "kind", "status", "customerId"), data.keySet(), "ids and states only");
        assertEquals(invoiceId, data.getJsonNumber("invoiceId").longValue());
        assertEquals("CUSTOMER", data.getString("kind"));
        assertEquals("PAID", data.getString("status"));
        assertEquals(a.customerId(), data.getJsonNumber("customerId").longValue());

        WebhookDelivery row = await(() -> only(hooks.deliveries(a.tenantId())), d -> d.getStatus() == WebhookDelivery.Status.DELIVERED);
        assertEquals(1, row.getAttempts());
        assertEquals(200, row.getLastStatus());
        assertEquals(id, row.getEventId());
        assertEquals("invoice.paid", row.getEvent(), "order.status_changed was not chosen, so not written");
        DeliveryView logged = webhooks.deliveries(a.admin()).get(0);
        assertEquals(id, logged.eventId());
        assertEquals(receiver.url(), logged.url());
        assertTrue(webhooks.deliveries(b.admin()).isEmpty(), "another reseller's log is its own");
    }

    @Test
    void aReceiverAnswering500GetsTheSameEventAgainAfterTheBackOff() throws Exception {
        receiver.answer(500, 200);
        Webhooks.Created endpoint = webhooks.create(a.admin(), form(receiver.url(), WebhookEvent.ORDER_STATUS_CHANGED));

        long orderId = orders.place(a.agent(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, null));

        Received first = receiver.next();
        WebhookDelivery failed = await(() -> only(hooks.deliveries(a.tenantId())),
                d -> d.getAttempts() == 1 && Integer.valueOf(500).equals(d.getLastStatus()));
        assertEquals(WebhookDelivery.Status.PENDING, failed.getStatus());
        // recorded after the answer, so at least the back-off after the request arrived (a second's slack for rounding)
        assertFalse(failed.getNextAttemptAt().isBefore(first.at().plusSeconds(9)),
                "the next attempt waits the first back-off (10 s): " + failed.getNextAttemptAt() + " after " + first.at());
        JsonObject data = json(first.body()).getJsonObject("data");
        assertEquals(orderId, data.getJsonNumber("orderId").longValue());
        assertEquals("PENDING", data.getString("status"));

        hooks.makeDue(failed.getId());
        Received second = receiver.next();

        assertEquals(first.header("Webhook-Id"), second.header("Webhook-Id"), "a retry carries the same event id");
        assertEquals(first.body(), second.body());
        assertEquals("v1=" + hmac(endpoint.secret(), second.header("Webhook-Id") + "." + second.header("Webhook-Timestamp") + "."
                + second.body()), second.header("Webhook-Signature"));
        WebhookDelivery delivered = await(() -> only(hooks.deliveries(a.tenantId())),
                d -> d.getStatus() == WebhookDelivery.Status.DELIVERED);
        assertEquals(2, delivered.getAttempts());
        assertEquals(200, delivered.getLastStatus());
        assertNull(delivered.getLastError());
    }

    @Test
    void aPaymentThatRollsBackWritesNoDeliveryAndOneThatCommitsDoes() {
        webhooks.create(a.admin(), form(receiver.url(), WebhookEvent.INVOICE_PAID));
        long invoiceId = placeOrder(a);
        accounts.addFunds(a.agent(), a.customerId(), null, "150.00", null);

        assertThrows(WebhookFixtures.RolledBack.class, () -> hooks.payThenRollBack(a.customer(), invoiceId));

        assertEquals(InvoiceStatus.ISSUED, invoices.visible(a.admin(), invoiceId).getStatus());
        assertEquals(List.of(), hooks.deliveries(a.tenantId()), "nothing is announced for a change that did not happen");

        accounts.pay(a.customer(), invoiceId);
        assertEquals(1, hooks.deliveries(a.tenantId()).size(), "the delivery is written with the payment, before any sending");
    }

    @Test
    void onlyPublicRepliesOnATicketAreAnnouncedAndTheAuthorIsCustomerOrStaff() {
        webhooks.create(a.admin(), form(receiver.url(), WebhookEvent.TICKET_REPLIED));
        long department = customerDesk.departments(a.customer()).get(0).id();
        long number = customerDesk.open(a.customer(), new NewTicket(department, "Disk full", "My disk is full.", Priority.NORMAL, null),
                List.of());

        resellerDesk.reply(a.agent(), number, Visibility.RESELLER_NOTE, "internal: check the quota", List.of());
        assertEquals(List.of(), hooks.deliveries(a.tenantId()), "neither the opening message nor a note is a reply");

        resellerDesk.reply(a.agent(), number, Visibility.PUBLIC, "We are on it.", List.of());
        customerDesk.reply(a.customer(), number, "Thanks!", List.of());

        List<WebhookDelivery> rows = hooks.deliveries(a.tenantId());
        assertEquals(2, rows.size());
        JsonObject staff = json(rows.get(0).getPayload()).getJsonObject("data");
        JsonObject customer = json(rows.get(1).getPayload()).getJsonObject("data");
        assertEquals(Set.of("ticketNumber", "messageId", "author", "status"), staff.keySet());
        assertEquals(number, staff.getJsonNumber("ticketNumber").longValue());
        assertEquals("staff", staff.getString("author"));
        assertEquals("customer", customer.getString("author"));
        assertFalse(rows.get(0).getPayload().contains("We are on it"), "the text is read through the API, not sent");
        assertFalse(rows.get(0).getEventId().equals(rows.get(1).getEventId()), "each event has its own id");
    }

    @Test
    void aServerJobsEndIsAnnouncedWithoutTheProvidersFields() throws Exception {
        webhooks.create(a.admin(), form(receiver.url(), WebhookEvent.SERVER_JOB_FINISHED));
        long serverId = servers.assigned(provider, a, "hooks");

        ServerJob job = servers.awaitEnd(actions.power(a.admin(), serverId, PowerAction.HARD_OFF).id());
        assertEquals(JobState.DONE, job.getState());

        WebhookDelivery row = only(hooks.deliveries(a.tenantId()));
        assertEquals("server.job_finished", row.getEvent());
        JsonObject data = json(row.getPayload()).getJsonObject("data");
        assertEquals(job.getId(), data.getJsonNumber("jobId").longValue());
        assertEquals(serverId, data.getJsonNumber("serverId").longValue());
        assertEquals("HARD_OFF", data.getString("action"));
        assertEquals("DONE", data.getString("state"));
        assertTrue(data.isNull("error"));
        for (String internal : List.of(ServerFixtures.RACK, ServerFixtures.BMC_HOST, ServerFixtures.UPSTREAM, "simulated")) {
            assertFalse(row.getPayload().contains(internal), "law 2: the payload names no provider field such as " + internal);
        }
        receiver.next();
    }

    @Test
    void privateAddressesAreRefusedAtSaveAndAgainAtDeliveryWhenNotAllowed() throws Exception {
        // an endpoint saved while private addresses were allowed …
        webhooks.create(a.admin(), form(receiver.url(), WebhookEvent.ORDER_STATUS_CHANGED));
        System.setProperty(ALLOW_PRIVATE, "false");

        for (String url : List.of(receiver.url(), "http://[::1]:8080/hook", "http://10.1.2.3/hook", "http://192.168.0.10/hook",
                "http://169.254.169.254/latest/meta-data/", "http://localhost/hook")) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> webhooks.create(b.admin(), form(url, WebhookEvent.INVOICE_PAID)), url);
            assertEquals("webhooks.error.private", refused.problems().get("url"), url);
        }
        InvalidInputException credentials = assertThrows(InvalidInputException.class,
                () -> webhooks.create(b.admin(), form("https://user:secret@93.184.216.34/hook", WebhookEvent.INVOICE_PAID)));
        assertEquals("webhooks.error.credentials", credentials.problems().get("url"));
        assertEquals(List.of(), webhooks.endpoints(b.admin()), "nothing was saved");

        // … is checked again before each delivery (the name may resolve elsewhere by then): nothing is sent
        orders.place(a.agent(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, null));
        // the attempt is counted when the row is claimed and its outcome written after: wait for the outcome
        WebhookDelivery refused = await(() -> only(hooks.deliveries(a.tenantId())),
                d -> d.getAttempts() >= 1 && d.getLastError() != null);
        assertEquals(WebhookDelivery.Status.PENDING, refused.getStatus(), "tried again later, in case the setting or the address changes");
        assertNull(refused.getLastStatus());
        assertTrue(refused.getLastError().startsWith("Not sent"), refused.getLastError());
        assertEquals(0, receiver.count(), "the receiver on the loopback address got nothing");
    }

    @Test
    void anotherResellerReachesNoneOfTheEndpointsOrDeliveriesAndAgentsNoneAtAll() {
        Webhooks.Created endpoint = webhooks.create(a.admin(), form(receiver.url(), WebhookEvent.ORDER_STATUS_CHANGED));
        long id = endpoint.endpoint().id();
        Webhooks.EndpointForm change = form(receiver.url() + "other", WebhookEvent.INVOICE_PAID);

        assertThrows(NotFoundException.class, () -> webhooks.update(b.admin(), id, change));
        assertThrows(NotFoundException.class, () -> webhooks.rotateSecret(b.admin(), id));
        assertThrows(NotFoundException.class, () -> webhooks.remove(b.admin(), id));
        assertTrue(webhooks.endpoints(b.admin()).isEmpty());
        assertThrows(ForbiddenException.class, () -> webhooks.endpoints(a.agent()));
        assertThrows(ForbiddenException.class, () -> webhooks.create(a.agent(), change));

        orders.place(a.agent(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, null));
        long deliveryId = hooks.deliveries(a.tenantId()).get(0).getId();
        assertThrows(NotFoundException.class, () -> webhooks.retry(b.admin(), deliveryId));

        // the owner rotates: the old secret no longer signs, and removing drops the log with the endpoint
        Webhooks.Created rotated = webhooks.rotateSecret(a.admin(), id);
        assertFalse(rotated.secret().equals(endpoint.secret()));
        webhooks.remove(a.admin(), id);
        assertEquals(List.of(), webhooks.endpoints(a.admin()));
        assertEquals(List.of(), hooks.deliveries(a.tenantId()));
    }

    // ---- helpers

    private long placeOrder(Fixtures.Reseller reseller) {
        long orderId = orders.place(reseller.agent(), new OrderForm(reseller.customerId(), plan, List.of(), Cycle.MONTHLY, null));
        return orders.ofReseller(reseller.admin()).stream().filter(o -> o.id() == orderId).findFirst().orElseThrow().invoiceId();
    }

    private static Webhooks.EndpointForm form(String url, WebhookEvent event) {
        return new Webhooks.EndpointForm(url, EnumSet.of(event), true);
    }

    private static <T> T only(List<T> items) {
        assertEquals(1, items.size(), "exactly one: " + items);
        return items.get(0);
    }

    /** Reads until the condition holds (the sender works on its own timer), failing after {@value #WAIT_MS} ms. */
    private static <T> T await(Supplier<T> read, Predicate<T> condition) throws InterruptedException {
        long until = System.currentTimeMillis() + WAIT_MS;
        T value = read.get();
        while (!condition.test(value)) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("Still not so after " + WAIT_MS + " ms: " + value);
            }
            Thread.sleep(100);
            value = read.get();
        }
        return value;
    }

    /** What a receiver computes, written here without Marque's own class. */
    private static String hmac(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** One request as the receiver got it. */
    record Received(String method, Map<String, List<String>> headers, String body, Instant at) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    /** A webhook receiver on a free loopback port: keeps what it gets and answers the statuses it is told, then 200. */
    static final class Receiver {
        private final HttpServer server;
        private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
        private volatile int count;

        private Receiver(HttpServer server) {
            this.server = server;
        }

        static Receiver start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Receiver receiver = new Receiver(server);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Integer status = receiver.answers.poll();
                receiver.count++;
                receiver.received.add(new Received(exchange.getRequestMethod(), Map.copyOf(exchange.getRequestHeaders()), body,
                        Instant.now()));
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        void answer(Integer... statuses) {
            answers.addAll(List.of(statuses));
        }

        Received next() throws InterruptedException {
            Received next = received.poll(WAIT_MS, TimeUnit.MILLISECONDS);
            assertNotNull(next, "a delivery arrived within " + WAIT_MS + " ms");
            return next;
        }

        int count() {
            return count;
        }

        void stop() {
            server.stop(0);
        }
    }
}
