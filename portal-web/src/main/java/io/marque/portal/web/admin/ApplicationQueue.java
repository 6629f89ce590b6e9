package io.marque.portal.web.admin;

import io.marque.portal.reseller.ApplicationReview;
import io.marque.portal.reseller.ApplicationSummary;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The provider admin's queue of reseller applications ({@code /admin/applications}): the open ones,
 * oldest first; with {@code ?all=true} every application, newest first.
 */
@Named
@RequestScoped
public class ApplicationQueue {

    @Inject
    ApplicationReview review;

    @Inject
    CurrentUser me;

    private List<ApplicationSummary> list;

    public boolean isAll() {
        return "true".equals(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("all"));
    }

    public List<ApplicationSummary> getList() {
        if (list == null) {
            list = review.queue(me.actor(), !isAll());
        }
        return list;
    }
}
