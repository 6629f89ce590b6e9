package io.marque.portal.web.reseller;

import io.marque.portal.identity.CustomerService;
import io.marque.portal.identity.CustomerView;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import io.marque.portal.web.theme.Ui;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * View-scoped: a row's button acts on the row that was shown, even if the list changed meanwhile.
 * The reseller's customer list: search, keyset paging ({@code after} = last id of the previous
 * page, in the URL so pages can be bookmarked), invite, disable and enable.
 */
@Named
@ViewScoped
public class Customers implements java.io.Serializable {

    @Inject
    CustomerService customers;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    @Inject
    Ui ui;

    private String q;
    private Long after;
    private List<CustomerView> page;
    private String name;
    private String company;
    private String email;

    public List<CustomerView> getPage() {
        if (page == null) {
            try {
                page = customers.page(me.actor(), q, after);
            } catch (InvalidInputException e) {
                feedback.refused(e);
                page = List.of();
            }
        }
        return page;
    }

    /** The id to continue after, or null on the last page. */
    public Long getNextAfter() {
        List<CustomerView> rows = getPage();
        return rows.size() < CustomerService.PAGE ? null : rows.get(rows.size() - 1).id();
    }

    /** The link to the next page, keeping the search; null on the last page. */
    public String getNextUrl() {
        Long next = getNextAfter();
        return next == null ? null : "/reseller/customers?" + searchQuery() + "after=" + next;
    }

    /** The link back to the first page of the same search. */
    public String getFirstUrl() {
        return "/reseller/customers?" + searchQuery();
    }

    private String searchQuery() {
        return q == null || q.isBlank() ? "" : "q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + "&";
    }

    public long getTotal() {
        return customers.count(me.actor());
    }

    public String invite() {
        return feedback.act(() -> customers.invite(me.actor(), name, company, email, ui.getLocale()), "customers.invited");
    }

    public String setEnabled(long customerId, boolean enabled) {
        return feedback.act(() -> customers.setEnabled(me.actor(), customerId, enabled),
                enabled ? "customers.enabled" : "customers.disabled", "?faces-redirect=true&includeViewParams=true");
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public Long getAfter() { return after; }
    public void setAfter(Long after) { this.after = after; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCompany() { return company; }
    public void setCompany(String company) { this.company = company; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
}
