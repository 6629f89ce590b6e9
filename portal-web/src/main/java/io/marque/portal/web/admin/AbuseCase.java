package io.marque.portal.web.admin;

import io.marque.portal.server.abuse.AbuseDesk;
import io.marque.portal.server.abuse.AbuseView;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * One abuse report for the provider: the evidence, the deadline, the reseller's answer; the admin
 * withdraws it, or terminates the server for it after confirming.
 */
@Named("abuseCase")
@ViewScoped
public class AbuseCase implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String RELOAD = "?faces-redirect=true&includeViewParams=true";

    @Inject
    AbuseDesk desk;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private Long id;
    private AbuseView report;
    private boolean confirmingTerminate;

    public void load() {
        if (getReport() == null) {
            Pages.notFound();
        }
    }

    /** The report, loaded again if this view's state was dropped; null when there is none with this id. */
    public AbuseView getReport() {
        if (report == null) {
            id = id != null ? id : Pages.longParameter("id");
            report = id == null ? null : Pages.found(() -> desk.get(me.actor(), id));
        }
        return report;
    }

    public String withdraw() {
        return feedback.act(() -> desk.withdraw(me.actor(), id), "providerAbuse.withdrawn", RELOAD);
    }

    /** The first step of terminating: the page names the server and asks for a second click. */
    public String askTerminate() {
        confirmingTerminate = true;
        return null;
    }

    public String cancelTerminate() {
        confirmingTerminate = false;
        return null;
    }

    public String terminate() {
        return feedback.act(() -> desk.terminate(me.actor(), id), "providerAbuse.terminated", RELOAD);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public boolean isConfirmingTerminate() { return confirmingTerminate; }
}
