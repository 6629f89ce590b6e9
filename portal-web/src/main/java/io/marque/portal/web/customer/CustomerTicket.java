package io.marque.portal.web.customer;

import io.marque.portal.ticket.CustomerDesk;
import io.marque.portal.ticket.TicketDetail;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import io.marque.portal.web.ticket.Uploads;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.util.List;

/**
 * One of the customer's tickets: the public conversation, an answer with files, close, reopen and
 * rating. Another customer's ticket number shows the site's 404.
 *
 * <p>Request-scoped behind a stateless view: every form carries the ticket's number, so nothing of
 * the page is kept in the session between requests (see {@code customer/ticket.xhtml}).
 */
@Named
@RequestScoped
public class CustomerTicket {

    private static final String RELOAD = "?faces-redirect=true&includeViewParams=true";

    @Inject
    CustomerDesk desk;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private Long n;
    private TicketDetail ticket;
    private String body;
    private List<Part> files;
    private Integer rating;
    private String ratingComment;

    /** The view action: the site's 404 for a ticket that is not the customer's. */
    public void load() {
        if (getTicket() == null) {
            Pages.notFound();
        }
    }

    public String reply() {
        return feedback.act(() -> desk.reply(me.actor(), n, body, Uploads.of(files)), "ticket.replied", RELOAD);
    }

    public String close() {
        return feedback.act(() -> desk.close(me.actor(), n), "ticket.closedDone", RELOAD);
    }

    public String reopen() {
        return feedback.act(() -> desk.reopen(me.actor(), n), "ticket.reopenedDone", RELOAD);
    }

    public String rate() {
        return feedback.act(() -> desk.rate(me.actor(), n, rating == null ? 0 : rating, ratingComment), "ticket.rated",
                RELOAD);
    }

    /**
     * The ticket, loaded when the page or a form of it first asks. A form's buttons ask before the
     * view parameter has reached {@link #n} (Faces decodes them first), so the number is read from the
     * request then.
     */
    public TicketDetail getTicket() {
        if (ticket == null) {
            n = n != null ? n : Pages.longParameter("n");
            ticket = n == null ? null : Pages.found(() -> desk.read(me.actor(), n));
        }
        return ticket;
    }

    public Long getN() { return n; }
    public void setN(Long n) { this.n = n; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public List<Part> getFiles() { return files; }
    public void setFiles(List<Part> files) { this.files = files; }
    public Integer getRating() { return rating; }
    public void setRating(Integer rating) { this.rating = rating; }
    public String getRatingComment() { return ratingComment; }
    public void setRatingComment(String ratingComment) { this.ratingComment = ratingComment; }
}
