package io.marque.portal.it.sweep;

import static io.marque.portal.it.sweep.Surface.API_KEY;
import static io.marque.portal.it.sweep.Surface.CUSTOMER;
import static io.marque.portal.it.sweep.Surface.EVERYONE;
import static io.marque.portal.it.sweep.Surface.PROVIDER_ADMIN;
import static io.marque.portal.it.sweep.Surface.PROVIDER_STAFF;
import static io.marque.portal.it.sweep.Surface.RESELLER_ADMIN;
import static io.marque.portal.it.sweep.Surface.RESELLER_STAFF;

import io.marque.portal.it.sweep.Surface.Action;
import io.marque.portal.it.sweep.Surface.Area;
import io.marque.portal.it.sweep.Surface.Carrier;
import io.marque.portal.it.sweep.Surface.Entry;
import io.marque.portal.it.sweep.Surface.Id;
import io.marque.portal.it.sweep.Surface.Kind;
import io.marque.portal.it.sweep.Surface.Role;
import io.marque.portal.it.sweep.Surface.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every page, servlet and API method of the portal, with who may use it where and the ids it takes.
 * {@link SurfaceCoverageTest} fails when the code has an entry this list lacks (or the list names one the
 * code no longer has), and {@link IsolationSweepIT} requests every entry as each role of Acme with
 * Bluebird's ids, so a new endpoint is swept as soon as it is registered here.
 *
 * <p>Roles are those of {@code WEB-INF/shiro.ini} (an area's guard) narrowed where a page or its service
 * admits fewer. An id a page reads from a row of the asker's own list on a stateful postback is
 * {@link Carrier#ROW}; a choice among rendered options is {@link Carrier#SELECT}.
 */
public final class SurfaceRegistry {

    private static final List<Entry> ENTRIES = new ArrayList<>();

    private SurfaceRegistry() {
    }

    public static List<Entry> entries() {
        return Collections.unmodifiableList(ENTRIES);
    }

    // ---- the customer area (acme.localhost/customer/**: CUSTOMER) -------------------------------------
    static {
        view("/customer/index", Area.RESELLER, CUSTOMER);
        view("/customer/billing", Area.RESELLER, CUSTOMER);
        view("/customer/invoice", Area.RESELLER, CUSTOMER, ids(id("id", Kind.INVOICE, Carrier.QUERY)),
                action("pay-form", "pay-button", Map.of()));
        view("/customer/new-ticket", Area.RESELLER, CUSTOMER, ids(id("ticket:department", Kind.DEPARTMENT, Carrier.SELECT)));
        view("/customer/profile", Area.RESELLER, CUSTOMER);
        view("/customer/server", Area.RESELLER, CUSTOMER, ids(id("id", Kind.SERVER, Carrier.QUERY)),
                action("power-actions", "power-hard-off", Map.of()));
        view("/customer/servers", Area.RESELLER, CUSTOMER, ids(cursor("after", Kind.SERVER)));
        view("/customer/ticket", Area.RESELLER, CUSTOMER, ids(id("n", Kind.TICKET_NUMBER, Carrier.QUERY)),
                action("reply", "reply:send", Map.of("reply:body", "isolation sweep")),
                action("state", "state:close", Map.of()));
        view("/customer/tickets", Area.RESELLER, CUSTOMER);
    }

    // ---- the reseller area (acme.localhost/reseller/**: RESELLER_AGENT, RESELLER_ADMIN) ----------------
    static {
        view("/reseller/index", Area.RESELLER, RESELLER_STAFF);
        view("/reseller/abuse", Area.RESELLER, RESELLER_STAFF);
        view("/reseller/abuse-report", Area.RESELLER, RESELLER_STAFF, ids(id("id", Kind.ABUSE_REPORT, Carrier.QUERY)),
                action("answer", "respond", Map.of("response", "isolation sweep")));
        view("/reseller/activity", Area.RESELLER, RESELLER_ADMIN, ids(cursor("before", Kind.AUDIT_ENTRY)));
        view("/reseller/api-keys", Area.RESELLER, RESELLER_ADMIN, ids(id("rotate, revoke", Kind.API_KEY, Carrier.ROW)));
        view("/reseller/billing-settings", Area.RESELLER, RESELLER_ADMIN);
        view("/reseller/branding", Area.RESELLER, RESELLER_ADMIN);
        view("/reseller/contacts", Area.RESELLER, RESELLER_ADMIN);
        view("/reseller/customer-billing", Area.RESELLER, RESELLER_STAFF, ids(id("id", Kind.CUSTOMER, Carrier.QUERY)),
                action("funds", "record-funds", Map.of("amount", "1.00", "note", "isolation sweep")));
        view("/reseller/customer-data", Area.RESELLER, RESELLER_ADMIN, ids(id("id", Kind.CUSTOMER, Carrier.QUERY)),
                action("erase-form", "confirm-erase", Map.of("erase", "1", "confirmation", "alice@example.com")));
        view("/reseller/customers", Area.RESELLER, RESELLER_STAFF, ids(cursor("after", Kind.CUSTOMER)));
        view("/reseller/domain", Area.RESELLER, RESELLER_ADMIN, ids(id("id", Kind.DOMAIN, Carrier.QUERY)),
                action("actions", "check", Map.of()),
                action("remove-form", "confirm-remove", Map.of("remove", "1")));
        view("/reseller/domains", Area.RESELLER, RESELLER_ADMIN);
        view("/reseller/invoice", Area.RESELLER, RESELLER_STAFF, ids(id("id", Kind.INVOICE, Carrier.QUERY)),
                action("credit-form", "credit-button", Map.of("creditAmount", "1.00", "creditReason", "isolation sweep")),
                action("pay-form", "pay-button", Map.of()));
        view("/reseller/invoices", Area.RESELLER, RESELLER_STAFF, ids(id("decide", Kind.INVOICE, Carrier.ROW)));
        view("/reseller/mailbox", Area.RESELLER, RESELLER_ADMIN);
        view("/reseller/order-new", Area.RESELLER, RESELLER_STAFF, ids(id("customer", Kind.CUSTOMER, Carrier.QUERY),
                id("plan", Kind.PRODUCT, Carrier.SELECT)));
        view("/reseller/orders", Area.RESELLER, RESELLER_STAFF, ids(id("orders", Kind.ORDER, Carrier.ROW)));
        view("/reseller/os-templates", Area.RESELLER, RESELLER_ADMIN, ids(id("hide, offer", Kind.OS_TEMPLATE, Carrier.ROW)));
        view("/reseller/prices", Area.RESELLER, RESELLER_STAFF, ids(id("product", Kind.PRODUCT, Carrier.FORM)));
        view("/reseller/profile", Area.RESELLER, RESELLER_STAFF);
        view("/reseller/program", Area.RESELLER, RESELLER_ADMIN);
        view("/reseller/reports", Area.RESELLER, RESELLER_STAFF);
        view("/reseller/server", Area.RESELLER, RESELLER_STAFF, ids(id("id", Kind.SERVER, Carrier.QUERY)),
                action("power-actions", "power-hard-off", Map.of()),
                action("describe", "describe-save", Map.of("label", "isolation sweep", "notes", "isolation sweep")),
                action("suspend", "suspend-submit", Map.of("suspend-note", "isolation sweep")));
        view("/reseller/servers", Area.RESELLER, RESELLER_STAFF, ids(cursor("after", Kind.SERVER)));
        view("/reseller/staff", Area.RESELLER, RESELLER_ADMIN, ids(id("setEnabled, changeRole", Kind.USER, Carrier.ROW)));
        view("/reseller/ticket-settings", Area.RESELLER, RESELLER_ADMIN,
                ids(id("departments", Kind.DEPARTMENT, Carrier.ROW), id("cannedList", Kind.CANNED_REPLY, Carrier.ROW)));
        view("/reseller/ticket", Area.RESELLER, RESELLER_STAFF, ids(id("n", Kind.TICKET_NUMBER, Carrier.QUERY)),
                action("reply", "reply:send", Map.of("reply:body", "isolation sweep")),
                action("tags", "tags:save", Map.of("tags:tags", "isolation-sweep")));
        view("/reseller/tickets", Area.RESELLER, RESELLER_STAFF, ids(filter("department", Kind.DEPARTMENT),
                filter("customer", Kind.CUSTOMER)));
        view("/reseller/webhooks", Area.RESELLER, RESELLER_ADMIN, ids(id("endpoints", Kind.WEBHOOK, Carrier.ROW)));
    }

    // ---- the provider's area (provider.localhost/admin/**: PROVIDER_AGENT, PROVIDER_ADMIN) -------------
    static {
        view("/admin/index", Area.PROVIDER, PROVIDER_STAFF);
        view("/admin/abuse", Area.PROVIDER, PROVIDER_STAFF);
        view("/admin/abuse-report", Area.PROVIDER, PROVIDER_STAFF, ids(id("id", Kind.ABUSE_REPORT, Carrier.QUERY)));
        view("/admin/activity", Area.PROVIDER, PROVIDER_ADMIN, ids(cursor("before", Kind.AUDIT_ENTRY)));
        view("/admin/application", Area.PROVIDER, PROVIDER_ADMIN, ids(id("id", Kind.APPLICATION, Carrier.QUERY)));
        view("/admin/applications", Area.PROVIDER, PROVIDER_ADMIN);
        view("/admin/billing", Area.PROVIDER, PROVIDER_STAFF, ids(filter("reseller", Kind.RESELLER)));
        view("/admin/billing-settings", Area.PROVIDER, PROVIDER_ADMIN);
        view("/admin/domains", Area.PROVIDER, PROVIDER_STAFF, ids(id("id", Kind.DOMAIN, Carrier.QUERY),
                id("remove", Kind.DOMAIN, Carrier.FORM)));
        view("/admin/escalation", Area.PROVIDER, PROVIDER_STAFF, ids(id("id", Kind.TICKET, Carrier.QUERY)));
        view("/admin/escalations", Area.PROVIDER, PROVIDER_STAFF);
        view("/admin/invoice", Area.PROVIDER, PROVIDER_STAFF, ids(id("id", Kind.INVOICE, Carrier.QUERY)));
        view("/admin/os-templates", Area.PROVIDER, PROVIDER_ADMIN, ids(id("templates", Kind.OS_TEMPLATE, Carrier.ROW)));
        view("/admin/product", Area.PROVIDER, PROVIDER_ADMIN, ids(id("id", Kind.PRODUCT, Carrier.QUERY)));
        view("/admin/products", Area.PROVIDER, PROVIDER_STAFF);
        view("/admin/profile", Area.PROVIDER, PROVIDER_STAFF);
        view("/admin/program", Area.PROVIDER, PROVIDER_ADMIN);
        view("/admin/reports", Area.PROVIDER, PROVIDER_STAFF);
        view("/admin/reseller", Area.PROVIDER, PROVIDER_STAFF, ids(id("id", Kind.RESELLER, Carrier.QUERY)));
        view("/admin/reseller-profile", Area.PROVIDER, PROVIDER_ADMIN, ids(id("id", Kind.RESELLER, Carrier.QUERY)));
        view("/admin/resellers", Area.PROVIDER, PROVIDER_STAFF);
        view("/admin/server", Area.PROVIDER, PROVIDER_STAFF, ids(id("id", Kind.SERVER, Carrier.QUERY)));
        view("/admin/server-new", Area.PROVIDER, PROVIDER_ADMIN);
        view("/admin/servers", Area.PROVIDER, PROVIDER_STAFF, ids(filter("reseller", Kind.RESELLER),
                cursor("after", Kind.SERVER)));
        view("/admin/servers-import", Area.PROVIDER, PROVIDER_ADMIN);
        view("/admin/staff", Area.PROVIDER, PROVIDER_ADMIN, ids(id("setEnabled, changeRole", Kind.USER, Carrier.ROW)));
    }

    // ---- signed-out pages and error pages (every host, everyone) --------------------------------------
    static {
        view("/index", Area.ANY, EVERYONE);
        view("/login", Area.ANY, EVERYONE);
        view("/forgot", Area.ANY, EVERYONE);
        view("/reset", Area.ANY, EVERYONE, ids(id("token", Kind.TOKEN, Carrier.QUERY)));
        view("/signup", Area.ANY, EVERYONE);
        view("/apply", Area.ANY, EVERYONE);
        view("/application", Area.ANY, EVERYONE, ids(id("token", Kind.TOKEN, Carrier.QUERY)));
        view("/error/400", Area.ANY, EVERYONE);
        view("/error/403", Area.ANY, EVERYONE);
        view("/error/404", Area.ANY, EVERYONE);
        view("/error/413", Area.ANY, EVERYONE);
        view("/error/500", Area.ANY, EVERYONE);
        view("/error/expired", Area.ANY, EVERYONE);
    }

    // ---- servlets: one entry per URL pattern ----------------------------------------------------------
    static {
        servlet("/reseller/customer-data.zip", Area.RESELLER, RESELLER_ADMIN, id("id", Kind.CUSTOMER, Carrier.QUERY));
        servlet("/customer/invoice-pdf", Area.RESELLER, CUSTOMER, id("id", Kind.INVOICE, Carrier.QUERY));
        servlet("/reseller/invoice-pdf", Area.RESELLER, RESELLER_STAFF, id("id", Kind.INVOICE, Carrier.QUERY));
        servlet("/admin/invoice-pdf", Area.PROVIDER, PROVIDER_STAFF, id("id", Kind.INVOICE, Carrier.QUERY));
        servlet("/customer/ticket.pdf", Area.RESELLER, CUSTOMER, id("n", Kind.TICKET_NUMBER, Carrier.QUERY));
        servlet("/reseller/ticket.pdf", Area.RESELLER, RESELLER_STAFF, id("n", Kind.TICKET_NUMBER, Carrier.QUERY));
        servlet("/admin/escalation.pdf", Area.PROVIDER, PROVIDER_STAFF, id("id", Kind.TICKET, Carrier.QUERY));
        servlet("/customer/attachment/*", Area.RESELLER, CUSTOMER, id("*", Kind.ATTACHMENT, Carrier.PATH));
        servlet("/reseller/attachment/*", Area.RESELLER, RESELLER_STAFF, id("*", Kind.ATTACHMENT, Carrier.PATH));
        servlet("/admin/attachment/*", Area.PROVIDER, PROVIDER_STAFF, id("*", Kind.ATTACHMENT, Carrier.PATH));
        servlet("/reseller/report.csv", Area.RESELLER, RESELLER_STAFF);
        servlet("/admin/report.csv", Area.PROVIDER, PROVIDER_STAFF);
        servlet("/mail/inbound", Area.ANY, EVERYONE);
        servlet("/assets/*", Area.ANY, EVERYONE);
        servlet("/.well-known/acme-challenge/*", Area.ANY, EVERYONE);
        servlet("/logout", Area.ANY, EVERYONE);
        servlet("/language", Area.ANY, EVERYONE);
    }

    // ---- the reseller API (/api/v1 on a reseller's host, a key of that reseller) ---------------------
    static {
        api("GET /api/v1/account");
        api("GET /api/v1/customers");
        api("GET /api/v1/customers/{id}", id("id", Kind.CUSTOMER, Carrier.PATH));
        api("POST /api/v1/customers");
        api("GET /api/v1/customers/{id}/balance", id("id", Kind.CUSTOMER, Carrier.PATH));
        api("POST /api/v1/customers/{id}/funds", id("id", Kind.CUSTOMER, Carrier.PATH));
        api("GET /api/v1/departments");
        api("GET /api/v1/invoices");
        api("GET /api/v1/invoices/{id}", id("id", Kind.INVOICE, Carrier.PATH));
        api("GET /api/v1/invoices/{id}/pdf", id("id", Kind.INVOICE, Carrier.PATH));
        api("POST /api/v1/invoices/{id}/pay", id("id", Kind.INVOICE, Carrier.PATH));
        ENTRIES.add(new Entry(Type.API, "GET /api/v1/openapi.json", Area.ANY, EVERYONE, List.of(), List.of(),
                "the public OpenAPI document"));
        api("GET /api/v1/orders");
        api("GET /api/v1/orders/{id}", id("id", Kind.ORDER, Carrier.PATH));
        api("POST /api/v1/orders", id("customerId", Kind.CUSTOMER, Carrier.FORM));
        api("POST /api/v1/orders/{id}/cancel", id("id", Kind.ORDER, Carrier.PATH));
        api("GET /api/v1/products");
        api("GET /api/v1/servers");
        api("GET /api/v1/servers/{id}", id("id", Kind.SERVER, Carrier.PATH));
        api("POST /api/v1/servers/{id}/power", id("id", Kind.SERVER, Carrier.PATH));
        api("POST /api/v1/servers/{id}/reinstall", id("id", Kind.SERVER, Carrier.PATH));
        api("GET /api/v1/servers/{id}/jobs/{jobId}", id("id", Kind.SERVER, Carrier.PATH),
                id("jobId", Kind.SERVER_JOB, Carrier.PATH));
        api("PUT /api/v1/servers/{id}/addresses/{address}/ptr", id("id", Kind.SERVER, Carrier.PATH),
                id("address", Kind.SERVER_ADDRESS, Carrier.PATH));
        api("GET /api/v1/tickets", id("customerId", Kind.CUSTOMER, Carrier.FILTER));
        api("POST /api/v1/tickets", id("customerId", Kind.CUSTOMER, Carrier.FORM),
                id("departmentId", Kind.DEPARTMENT, Carrier.FORM));
        api("GET /api/v1/tickets/{number}", id("number", Kind.TICKET_NUMBER, Carrier.PATH));
        api("POST /api/v1/tickets/{number}/replies", id("number", Kind.TICKET_NUMBER, Carrier.PATH));
        api("POST /api/v1/tickets/{number}/escalate", id("number", Kind.TICKET_NUMBER, Carrier.PATH));
    }

    // ---- the words of the lists above ------------------------------------------------------------------

    private static void view(String key, Area area, Set<Role> roles, Object... idsAndActions) {
        List<Id> ids = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        for (Object o : idsAndActions) {
            if (o instanceof List<?> list) {
                list.forEach(i -> ids.add((Id) i));
            } else {
                actions.add((Action) o);
            }
        }
        ENTRIES.add(new Entry(Type.VIEW, key, area, roles, List.copyOf(ids), List.copyOf(actions), ""));
    }

    private static void servlet(String pattern, Area area, Set<Role> roles, Id... ids) {
        ENTRIES.add(new Entry(Type.SERVLET, pattern, area, roles, List.of(ids), List.of(), ""));
    }

    private static void api(String key, Id... ids) {
        ENTRIES.add(new Entry(Type.API, key, Area.RESELLER, API_KEY, List.of(ids), List.of(), ""));
    }

    private static List<Id> ids(Id... ids) {
        return List.of(ids);
    }

    private static Id id(String name, Kind kind, Carrier carrier) {
        return new Id(name, kind, carrier);
    }

    /** A page's cursor: another tenant's id narrows nothing, and the list shows only the asker's own. */
    private static Id cursor(String name, Kind kind) {
        return new Id(name, kind, Carrier.FILTER);
    }

    /** A list's filter: another tenant's id shows nothing of that tenant. */
    private static Id filter(String name, Kind kind) {
        return new Id(name, kind, Carrier.FILTER);
    }

    private static Action action(String form, String button, Map<String, String> fields) {
        return new Action(form, button, fields);
    }
}
