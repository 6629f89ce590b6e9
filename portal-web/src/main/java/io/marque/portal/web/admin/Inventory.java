package io.marque.portal.web.admin;

import io.marque.portal.server.InventoryView;
import io.marque.portal.server.ServerInventory;
import io.marque.portal.tenant.ResellerAdministration;
import io.marque.portal.tenant.ResellerView;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The provider's server inventory: searched by host name, address, rack or upstream id, narrowed to
 * one reseller's servers or the pool, paged by id; everything in the URL so a list can be shared.
 */
@Named("inventory")
@RequestScoped
public class Inventory {

    /** The reseller filter's value for servers that belong to no reseller. */
    public static final String POOL = "pool";

    @Inject
    ServerInventory inventory;

    @Inject
    ResellerAdministration resellers;

    @Inject
    CurrentUser me;

    private String q;
    private String reseller;
    private String after;
    private List<InventoryView> page;
    private List<ResellerView> resellerList;

    public List<InventoryView> getPage() {
        if (page == null) {
            page = inventory.list(me.actor(), q, resellerId(), number(after, 0L));
        }
        return page;
    }

    public List<ResellerView> getResellers() {
        if (resellerList == null) {
            resellerList = resellers.list(me.actor());
        }
        return resellerList;
    }

    /** The next page, after the last server shown; null on the last page. */
    public String getNextUrl() {
        List<InventoryView> rows = getPage();
        if (rows.size() < ServerInventory.PAGE) {
            return null;
        }
        return "/admin/servers?" + filters() + "after=" + rows.get(rows.size() - 1).id();
    }

    public String getFirstUrl() {
        return "/admin/servers?" + filters();
    }

    /** Whether the reseller filter shows this reseller's servers. */
    public boolean selected(long resellerId) {
        Long chosen = resellerId();
        return chosen != null && chosen == resellerId;
    }

    public boolean isPaged() {
        return after != null && !after.isBlank();
    }

    /** null for every server, 0 for the pool, else a reseller's id; a value that is none of them shows all. */
    private Long resellerId() {
        if (reseller == null || reseller.isBlank()) {
            return null;
        }
        return POOL.equals(reseller) ? Long.valueOf(0) : number(reseller, null);
    }

    private static Long number(String text, Long otherwise) {
        try {
            return text == null || text.isBlank() ? otherwise : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private String filters() {
        StringBuilder query = new StringBuilder();
        append(query, "q", q);
        append(query, "reseller", reseller);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public String getReseller() { return reseller; }
    public void setReseller(String reseller) { this.reseller = reseller; }
    public String getAfter() { return after; }
    public void setAfter(String after) { this.after = after; }
}
