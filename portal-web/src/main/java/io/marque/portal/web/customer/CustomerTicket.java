package io.marque.portal.web.customer;

import io.marque.portal.platform.NotFoundException;
import io.marque.portal.ticket.CustomerDesk;
import io.marque.portal.ticket.TicketDetail;
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
 * One of the customer's tickets: the public conversation, an answer with files, close, reopen and
 * rating. Another customer's ticket number shows the site's 404.
 */
@Named
@ViewScoped
public class CustomerTicket implements Serializable {

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
    private transient List<Part> files;
    private Integer rating;
    private String ratingComment;

    /** The view action: loads the ticket, or answers 404. */
    public void load() {
        try {
            ticket = n == null ? null : desk.read(me.actor(), n);
        } catch (NotFoundException e) {
            ticket = null;
        }
        if (ticket == null) {
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

    public TicketDetail getTicket() { return ticket; }
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
