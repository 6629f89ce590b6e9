package io.marque.portal.web.reseller;

import io.marque.portal.server.abuse.AbuseDesk;
import io.marque.portal.server.abuse.AbuseView;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One abuse report for the reseller's staff ({@code /reseller/abuse-report?id=N}): the provider's
 * evidence and deadline, and the reseller's answer, sent as a response (the report stays open) or as
 * the resolution. Another reseller's report is the site's 404.
 *
 * <p>Request-scoped behind a stateless view: the form carries the report's id.
 */
@Named
@RequestScoped
public class ResellerAbuseReport {

    @Inject
    AbuseDesk desk;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private Long id;
    private boolean looked;
    private AbuseView report;
    private String response;

    public void load() {
        if (getReport() == null) {
            Pages.notFound();
        }
    }

    public String respond() {
        return feedback.act(() -> desk.respond(me.actor(), requiredId(), response), "abuse.done.responded", reload());
    }

    public String resolve() {
        return feedback.act(() -> desk.resolve(me.actor(), requiredId(), response), "abuse.done.resolved", reload());
    }

    /** The report, or null when it is not this reseller's. */
    public AbuseView getReport() {
        if (!looked) {
            looked = true;
            Long reportId = getId();
            report = reportId == null ? null : Pages.found(() -> desk.get(me.actor(), reportId));
        }
        return report;
    }

    public Long getId() {
        if (id == null) {
            id = Pages.longParameter("id");
        }
        return id;
    }

    private long requiredId() {
        Long reportId = getId();
        if (reportId == null) {
            throw new io.marque.portal.platform.NotFoundException("Abuse report");
        }
        return reportId;
    }

    private String reload() {
        return "/reseller/abuse-report?faces-redirect=true" + (getId() == null ? "" : "&id=" + getId());
    }

    public String getResponse() { return response; }
    public void setResponse(String response) { this.response = response; }
}
