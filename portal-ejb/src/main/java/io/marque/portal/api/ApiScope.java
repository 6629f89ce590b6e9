package io.marque.portal.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a key may do, each named as the API documents it ({@code customers:read}). */
public enum ApiScope {
    CUSTOMERS_READ("customers:read"),
    CUSTOMERS_WRITE("customers:write"),
    ORDERS_READ("orders:read"),
    ORDERS_WRITE("orders:write"),
    SERVERS_READ("servers:read"),
    SERVERS_POWER("servers:power"),
    TICKETS_READ("tickets:read"),
    TICKETS_WRITE("tickets:write"),
    INVOICES_READ("invoices:read"),
    INVOICES_WRITE("invoices:write"),
    ACCOUNT_READ("account:read");

    private final String code;

    ApiScope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ApiScope> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** Space- or comma-separated codes; an unknown one is refused. */
    public static Set<ApiScope> parse(String codes) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        if (codes == null) {
            return scopes;
        }
        for (String code : codes.toLowerCase(Locale.ROOT).split("[\\s,]+")) {
            if (!code.isEmpty()) {
                scopes.add(of(code).orElseThrow(() -> new IllegalArgumentException("Unknown scope " + code)));
            }
        }
        return scopes;
    }

    public static String format(Set<ApiScope> scopes) {
        return String.join(" ", scopes.stream().map(ApiScope::code).toList());
    }
}
