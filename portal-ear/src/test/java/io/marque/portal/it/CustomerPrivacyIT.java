package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.billing.catalogue.Catalogue;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.order.OrderForm;
import io.marque.portal.billing.order.Orders;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.AuthenticationService;
import io.marque.portal.identity.SignInOutcome;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.privacy.CustomerPrivacy;
import io.marque.portal.privacy.Erasure;
import io.marque.portal.server.ResellerServers;
import io.marque.portal.ticket.CustomerDesk;
import io.marque.portal.ticket.NewTicket;
import io.marque.portal.ticket.Priority;
import io.marque.portal.ticket.ResellerDesk;
import io.marque.portal.ticket.Upload;
import io.marque.portal.ticket.Visibility;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A customer's data on request, inside the server against PostgreSQL: the archive holds the customer's
 * tickets, the messages it can read, their files and its invoices, and nothing of another customer or
 * tenant; erasure leaves no trace of the name or address in any column that held them, except the
 * invoices, which stay as issued; it is refused (changing nothing) while a server is assigned, and a
 * second erasure is harmless. Only the reseller's admins reach either; another reseller's id is 404.
 */
@ExtendWith(ArquillianExtension.class)
class CustomerPrivacyIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(CustomerPrivacyIT.class, PrivacyFixtures.class, BillingFixtures.class, ServerFixtures.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    PrivacyFixtures privacyFixtures;

    @Inject
    BillingFixtures billing;

    @Inject
    ServerFixtures servers;

    @Inject
    CustomerPrivacy privacy;

    @Inject
    CustomerDesk customers;

    @Inject
    ResellerDesk desk;

    @Inject
    Catalogue catalogue;

    @Inject
    Orders orders;

    @Inject
    ResellerServers resellerServers;

    @Inject
    AuthenticationService auth;

    private Fixtures.Reseller a;
    private Fixtures.Reseller b;
    private Actor dora;
    private long carlaTicket;
    private long doraTicket;

    @BeforeEach
    void twoResellersWithTicketsAndAnInvoice() {
        a = fixtures.reseller("privacy-a");
        b = fixtures.reseller("privacy-b");
        dora = fixtures.anotherCustomer(a, "Dora Otherperson");
        long support = customers.departments(a.customer()).get(0).id();
        carlaTicket = customers.open(a.customer(), new NewTicket(support, "Carla's disk is full", "Please help Carla Customer",
                Priority.NORMAL, null), List.of(new Upload("../df output.txt", "carla-disk-bytes".getBytes(StandardCharsets.UTF_8))));
        desk.reply(a.agent(), carlaTicket, Visibility.PUBLIC, "Hello Carla, we freed space.", List.of());
        desk.reply(a.agent(), carlaTicket, Visibility.RESELLER_NOTE, "internal: carla is impatient", List.of());
        doraTicket = customers.open(dora, new NewTicket(support, "Dora's question", "Dora asks something",
                Priority.LOW, null), List.of(new Upload("dora.txt", "dora-bytes".getBytes(StandardCharsets.UTF_8))));
        long supportB = customers.departments(b.customer()).get(0).id();
        customers.open(b.customer(), new NewTicket(supportB, "Another tenant's ticket", "bluebird text", Priority.LOW, null),
                List.of());

        // an order whose invoice is issued, then cancelled: the invoice stays, void, for the record
        Actor provider = fixtures.providerAdmin();
        long plan = billing.plan(provider, "VPS", billing.uniqueRam(), "USD", "10.00");
        catalogue.setOwnPrice(a.admin(), plan, Cycle.MONTHLY, "USD", "15.00");
        long orderId = orders.place(a.admin(), new OrderForm(a.customerId(), plan, List.of(), Cycle.MONTHLY, "note about Carla"));
        orders.cancel(a.admin(), orderId);
    }

    @Test
    void theArchiveHoldsTheCustomersOwnDataAndNothingElse() throws IOException {
        CustomerPrivacy.Archive archive = privacy.export(a.admin(), a.customerId());
        assertTrue(archive.fileName().matches("customer-" + a.customerId() + "-\\d{4}-\\d{2}-\\d{2}\\.zip"), archive.fileName());
        Map<String, byte[]> entries = unzip(archive.bytes());
        for (String name : List.of("customer.json", "tickets.json", "servers.json", "orders.json", "invoices.json",
                "balance.json", "activity.json")) {
            assertTrue(entries.containsKey(name), name);
        }
        JsonObject customer = json(entries.get("customer.json")).asJsonObject();
        assertEquals(a.customerEmail(), customer.getJsonObject("customer").getString("email"));
        String customerText = new String(entries.get("customer.json"), StandardCharsets.UTF_8);
        assertFalse(customerText.contains("argon2"), "no password hash");
        assertFalse(customerText.contains("totp"), "no second-factor secret");

        JsonArray tickets = json(entries.get("tickets.json")).asJsonArray();
        assertEquals(1, tickets.size());
        JsonObject ticket = tickets.getJsonObject(0);
        assertEquals(carlaTicket, ticket.getJsonNumber("number").longValue());
        String ticketsText = new String(entries.get("tickets.json"), StandardCharsets.UTF_8);
        assertTrue(ticketsText.contains("Please help Carla Customer"));
        assertTrue(ticketsText.contains("we freed space"));
        assertFalse(ticketsText.contains("impatient"), "internal notes are the reseller's working papers");
        assertArrayEquals("carla-disk-bytes".getBytes(StandardCharsets.UTF_8),
                entries.get("attachments/" + carlaTicket + "/df_output.txt"));

        JsonArray invoices = json(entries.get("invoices.json")).asJsonArray();
        assertEquals(1, invoices.size());
        assertEquals("VOID", invoices.getJsonObject(0).getString("status"));
        assertTrue(entries.containsKey(invoices.getJsonObject(0).getString("pdf")), "the invoice's PDF is in the archive");

        // nothing of another customer of the reseller, nor of another tenant
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String text = new String(entry.getValue(), StandardCharsets.ISO_8859_1);
            for (String foreign : List.of("Dora", "dora-bytes", dora.email(), "bluebird text", b.host())) {
                assertFalse(text.contains(foreign), entry.getKey() + " holds " + foreign);
            }
        }
    }

    @Test
    void onlyTheResellersAdminReachesACustomersData() {
        assertThrows(NotFoundException.class, () -> privacy.export(b.admin(), a.customerId()));
        assertThrows(NotFoundException.class, () -> privacy.erase(b.admin(), a.customerId(), a.customerEmail()));
        assertThrows(ForbiddenException.class, () -> privacy.export(a.agent(), a.customerId()));
        assertThrows(ForbiddenException.class, () -> privacy.export(a.customer(), a.customerId()));
        assertThrows(ForbiddenException.class, () -> privacy.erase(a.agent(), a.customerId(), a.customerEmail()));
        assertThrows(ForbiddenException.class, () -> privacy.erase(a.customer(), a.customerId(), a.customerEmail()));
        assertThrows(NotFoundException.class, () -> privacy.export(a.admin(), 999_999_999L));
        assertTrue(privacyFixtures.whereFound(a.tenantId(), "Carla Customer").contains("customer.name"),
                "refused calls changed nothing");
    }

    @Test
    void erasureLeavesNoTraceButTheInvoicesAndCanBeRepeated() {
        List<String> invoicesBefore = privacyFixtures.invoiceRows(a.customerId());
        assertFalse(invoicesBefore.isEmpty());
        InvalidInputException wrong = assertThrows(InvalidInputException.class,
                () -> privacy.erase(a.admin(), a.customerId(), "someone@else.test"));
        assertEquals("privacy.error.confirmation", wrong.problems().get(""));

        CustomerPrivacy.Erased erased = privacy.erase(a.admin(), a.customerId(), " " + a.customerEmail().toUpperCase() + " ");
        assertTrue(erased.total() > 0);

        // the address and the name are nowhere now, in any column that held them
        assertEquals(List.of(), privacyFixtures.whereFound(a.tenantId(), a.customerEmail()));
        assertEquals(List.of(), privacyFixtures.whereFound(a.tenantId(), "Carla Customer"));
        assertEquals(List.of(), privacyFixtures.whereFound(a.tenantId(), "carla is impatient"));
        assertEquals(List.of(), privacyFixtures.whereFound(a.tenantId(), "Carla's disk is full"));
        // invoices stay exactly as issued, still naming whom they billed
        assertEquals(invoicesBefore, privacyFixtures.invoiceRows(a.customerId()));
        assertEquals(1, privacyFixtures.invoicesBilling(a.customerId(), "Carla Customer"));
        // the other customer keeps everything
        assertFalse(privacyFixtures.whereFound(a.tenantId(), "Dora asks something").isEmpty());
        assertEquals(1, privacyFixtures.attachments(a.tenantId()), "Dora's file stays, Carla's is gone");

        assertInstanceOf(SignInOutcome.Refused.class,
                auth.signIn(a.tenantId(), a.customerEmail(), Fixtures.PASSWORD.toCharArray(), "10.9.0.1"));
        CustomerPrivacy.Subject subject = privacy.subject(a.admin(), a.customerId());
        assertTrue(subject.erased());
        assertEquals(Erasure.email(a.customerId()), subject.email());

        CustomerPrivacy.Erased again = privacy.erase(a.admin(), a.customerId(), null);
        assertEquals(0, again.total(), "a second erasure finds nothing left: " + again.changes());
        assertEquals(invoicesBefore, privacyFixtures.invoiceRows(a.customerId()));
    }

    @Test
    void erasureIsRefusedWhileAServerIsAssignedAndChangesNothing() {
        long server = servers.assigned(fixtures.providerAdmin(), a, "privacy");
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> privacy.erase(a.admin(), a.customerId(), a.customerEmail()));
        assertEquals("privacy.error.servers", refused.problems().get(""));
        assertTrue(privacyFixtures.whereFound(a.tenantId(), a.customerEmail()).contains("customer.email"));
        assertTrue(privacyFixtures.whereFound(a.tenantId(), "Please help Carla Customer").contains("ticket_message.body"));
        assertInstanceOf(SignInOutcome.SignedIn.class,
                auth.signIn(a.tenantId(), a.customerEmail(), Fixtures.PASSWORD.toCharArray(), "10.9.0.2"));

        resellerServers.assign(a.admin(), server, null);
        privacy.erase(a.admin(), a.customerId(), a.customerEmail());
        assertEquals(List.of(), privacyFixtures.whereFound(a.tenantId(), a.customerEmail()));
    }

    private static jakarta.json.JsonValue json(byte[] bytes) {
        return Json.createReader(new ByteArrayInputStream(bytes)).readValue();
    }

    private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
