package io.marque.portal.web.admin;

import io.marque.portal.ticket.ProviderDesk;
import io.marque.portal.ticket.TicketDetail;
import io.marque.portal.ticket.Visibility;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import io.marque.portal.web.ticket.Uploads;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.List;

/**
 * An escalated ticket for the provider's staff: reseller, reason, the public and escalation threads,
 * the customer as a pseudonym unless shared; answers to the reseller, provider notes, answers to the
 * customer where allowed, and resolving the escalation.
 */
@Named
@ViewScoped
public class EscalationPage implements Serializable {

    private static final String RELOAD = "?faces-redirect=true&includeViewParams=true";

    @Inject
    ProviderDesk desk;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private Long id;
    private TicketDetail ticket;
    private String body;
    private Visibility visibility = Visibility.ESCALATION;
    private transient List<Part> files;
    private String summary;

    public void load() {
        if (getTicket() == null) {
            Pages.notFound();
        }
    }

    public String reply() {
        return feedback.act(() -> desk.reply(me.actor(), id, visibility, body, Uploads.of(files)),
                visibility == Visibility.PROVIDER_NOTE ? "ticket.noted" : "ticket.replied", RELOAD);
    }

    public String resolve() {
        return feedback.act(() -> desk.resolve(me.actor(), id, summary), "escalation.resolvedDone",
                "/admin/escalations?faces-redirect=true");
    }

    public List<Visibility> getWritable() {
        return ticket == null ? List.of() : List.of(Visibility.values()).stream().filter(ticket::mayWrite).toList();
    }

    /**
     * The ticket, loaded again if this view's state was dropped while the page was rendering (a
     * session keeps a bounded number of views, and many parallel requests of one session evict them).
     */
    public TicketDetail getTicket() {
        if (ticket == null) {
            id = id != null ? id : Pages.longParameter("id");
            ticket = id == null ? null : Pages.found(() -> desk.read(me.actor(), id));
        }
        return ticket;
    }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public Visibility getVisibility() { return visibility; }
    public void setVisibility(Visibility visibility) { this.visibility = visibility; }
    public List<Part> getFiles() { return files; }
    public void setFiles(List<Part> files) { this.files = files; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
}
