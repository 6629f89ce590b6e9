package io.marque.portal.web.customer;

import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.ticket.CustomerDesk;
import io.marque.portal.ticket.TicketCursor;
import io.marque.portal.ticket.TicketStatus;
import io.marque.portal.ticket.TicketSummary;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The customer's ticket list: status filter, search and keyset paging, all in the URL. */
@Named
@RequestScoped
public class CustomerTickets {

    @Inject
    CustomerDesk desk;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private String status;
    private String q;
    private String after;
    private List<TicketSummary> page;

    public List<TicketSummary> getPage() {
        if (page == null) {
            try {
                page = desk.page(me.actor(), status, q, after);
            } catch (InvalidInputException e) {
                feedback.refused(e);
                page = List.of();
            }
        }
        return page;
    }

    public String getNextUrl() {
        List<TicketSummary> rows = getPage();
        if (rows.size() < CustomerDesk.PAGE) {
            return null;
        }
        return "/customer/tickets?" + query() + "after=" + TicketCursor.of(rows.get(rows.size() - 1), false);
    }

    public String getFirstUrl() {
        return "/customer/tickets?" + query();
    }

    private String query() {
        StringBuilder query = new StringBuilder();
        if (status != null && !status.isBlank()) {
            query.append("status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8)).append('&');
        }
        if (q != null && !q.isBlank()) {
            query.append("q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8)).append('&');
        }
        return query.toString();
    }

    public TicketStatus[] getStatuses() {
        return TicketStatus.values();
    }

    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public String getAfter() { return after; }
    public void setAfter(String after) { this.after = after; }
}
