package io.marque.portal.web.admin;

import io.marque.portal.reseller.ApplicationDetail;
import io.marque.portal.reseller.ApplicationReview;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * One reseller application for the provider admin ({@code /admin/application?id=…}): what the applicant
 * sent; approve, ask for more or reject, each with a note the applicant reads.
 */
@Named("applicationCase")
@ViewScoped
public class ApplicationCase implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String RELOAD = "?faces-redirect=true&includeViewParams=true";

    @Inject
    ApplicationReview review;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private Long id;
    private transient ApplicationDetail application;
    private String note;

    public void load() {
        if (getApplication() == null) {
            Pages.notFound();
        }
    }

    /** The application, loaded again after a postback; null when there is none with this id. */
    public ApplicationDetail getApplication() {
        if (application == null) {
            id = id != null ? id : Pages.longParameter("id");
            application = id == null ? null : Pages.found(() -> review.get(me.actor(), id));
        }
        return application;
    }

    public String approve() {
        return feedback.act(() -> review.approve(me.actor(), id, note), "applications.approved", RELOAD);
    }

    public String askForMore() {
        return feedback.act(() -> review.askForMore(me.actor(), id, note), "applications.askedForMore", RELOAD);
    }

    public String reject() {
        return feedback.act(() -> review.reject(me.actor(), id, note), "applications.rejected", RELOAD);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
