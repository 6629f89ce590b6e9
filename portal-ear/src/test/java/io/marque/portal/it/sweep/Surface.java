package io.marque.portal.it.sweep;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the isolation sweep's registry is written in: an entry of the web surface (a Faces view, a
 * servlet's URL pattern or a JAX-RS resource method), who may use it on which kind of host, and the ids
 * it takes with the kind of object each names. {@link SurfaceRegistry} lists the entries;
 * {@link SurfaceCoverageTest} holds the list to the code; {@link IsolationSweepIT} sweeps it over HTTP.
 */
public final class Surface {

    private Surface() {
    }

    /** What an entry is in the code. */
    public enum Type {
        /** a Faces view: its key is the view's path without {@code .xhtml} ("/customer/ticket") */
        VIEW,
        /** one URL pattern of an {@code @WebServlet} */
        SERVLET,
        /** one JAX-RS resource method: its key is "VERB /api/v1/path/{param}" */
        API
    }

    /** Who asks: the roles of a signed-in user, a visitor, or a caller with a reseller's API key. */
    public enum Role {
        SIGNED_OUT, CUSTOMER, RESELLER_AGENT, RESELLER_ADMIN, PROVIDER_AGENT, PROVIDER_ADMIN, API_KEY;

        public boolean provider() {
            return this == PROVIDER_AGENT || this == PROVIDER_ADMIN;
        }
    }

    /** The kind of host an entry is served on (law 1: the areas are per host kind). */
    public enum Area {
        /** a reseller's host (acme.localhost): the customer and reseller areas and the API */
        RESELLER,
        /** the provider's host (provider.localhost): the admin area */
        PROVIDER,
        /** every known host: signed-out pages, assets, the sign-out and language switches */
        ANY
    }

    /** The kind of object an id names. */
    public enum Kind {
        TICKET_NUMBER, TICKET, ATTACHMENT, DEPARTMENT, SERVER, SERVER_JOB, SERVER_ADDRESS, INVOICE, CUSTOMER, ORDER,
        DOMAIN, ABUSE_REPORT, APPLICATION, PRODUCT, RESELLER, USER, API_KEY, WEBHOOK, CANNED_REPLY, OS_TEMPLATE,
        AUDIT_ENTRY, TOKEN
    }

    /** Where an id travels. */
    public enum Carrier {
        /** the query string of a GET (and of the postback: view parameters are decoded again) */
        QUERY,
        /** a plain hidden input posted with a form of the view */
        FORM,
        /** a segment of the path */
        PATH,
        /**
         * the argument of an action bound to a row of a list the server reads again on the postback for
         * the one who asks (a stateful view's {@code action="#{bean.act(row.id())}"}): no request parameter
         * carries the id, so another tenant's cannot be sent; the sweep checks the page's role matrix
         */
        ROW,
        /**
         * a choice among the options the server rendered for the one who asks: Faces refuses any other
         * value ("not a valid value") before the page's action runs
         */
        SELECT,
        /**
         * a list's filter or cursor: another tenant's id is no error, the list shows only the asker's own
         * (a 200 that names nothing of the other tenant), or the id in a JSON body of the API
         */
        FILTER
    }

    /** One id an entry takes. */
    public record Id(String name, Kind kind, Carrier carrier) {
    }

    /**
     * A form post an entry answers: the form's id (its marker parameter), the button's client id, the
     * other fields that make the post valid but for the id, and the id fields it carries.
     */
    public record Action(String form, String button, Map<String, String> fields) {
    }

    /** One entry of the web surface. */
    public record Entry(Type type, String key, Area area, Set<Role> roles, List<Id> ids, List<Action> actions,
            String note) {

        /** The path to request: a view's key ("/customer/index" is asked for as "/customer/"). */
        public String path() {
            if (type == Type.API) {
                return key.substring(key.indexOf(' ') + 1);
            }
            if (type == Type.SERVLET && key.endsWith("/*")) {
                return key.substring(0, key.length() - 1);
            }
            return key.endsWith("/index") ? key.substring(0, key.length() - "index".length()) : key;
        }

        public String verb() {
            return type == Type.API ? key.substring(0, key.indexOf(' ')) : "GET";
        }

        public boolean takesIds() {
            return ids.stream().anyMatch(id -> id.carrier() != Carrier.ROW);
        }

        public boolean publicToAll() {
            return roles.contains(Role.SIGNED_OUT);
        }
    }

    static final Set<Role> EVERYONE = EnumSet.of(Role.SIGNED_OUT, Role.CUSTOMER, Role.RESELLER_AGENT,
            Role.RESELLER_ADMIN, Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
    static final Set<Role> CUSTOMER = EnumSet.of(Role.CUSTOMER);
    static final Set<Role> RESELLER_STAFF = EnumSet.of(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
    static final Set<Role> RESELLER_ADMIN = EnumSet.of(Role.RESELLER_ADMIN);
    static final Set<Role> PROVIDER_STAFF = EnumSet.of(Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
    static final Set<Role> PROVIDER_ADMIN = EnumSet.of(Role.PROVIDER_ADMIN);
    static final Set<Role> API_KEY = EnumSet.of(Role.API_KEY);
}
