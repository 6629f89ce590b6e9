package io.marque.portal.web.admin;

import io.marque.portal.ticket.ProviderDesk;
import io.marque.portal.ticket.TicketCursor;
import io.marque.portal.ticket.TicketSummary;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The provider's escalation queue, across resellers, the most urgent first. */
@Named
@RequestScoped
public class Escalations {

    @Inject
    ProviderDesk desk;

    @Inject
    CurrentUser me;

    private String after;
    private List<TicketSummary> page;

    public List<TicketSummary> getPage() {
        if (page == null) {
            page = desk.queue(me.actor(), after);
        }
        return page;
    }

    public String getNextUrl() {
        List<TicketSummary> rows = getPage();
        return rows.size() < ProviderDesk.PAGE ? null
                : "/admin/escalations?after=" + TicketCursor.of(rows.get(rows.size() - 1), true);
    }

    public String getAfter() { return after; }
    public void setAfter(String after) { this.after = after; }
}
