package io.marque.portal.web.reseller;

import io.marque.portal.privacy.CustomerPrivacy;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A customer's data on request ({@code /reseller/customer-data?id=}), reseller admins only: the archive
 * to download ({@code customer-data.zip}, {@code CustomerArchiveServlet}) and erasure behind a second
 * step ({@code &erase=1}) where the admin types the customer's e-mail address. Behind a stateless view:
 * the forms carry the id and the question's parameter. Another reseller's id is the 404.
 */
@Named
@RequestScoped
public class CustomerData {

    @Inject
    CustomerPrivacy privacy;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private boolean looked;
    private CustomerPrivacy.Subject subject;
    private String confirmation;

    public void load() {
        if (getSubject() == null) {
            Pages.notFound();
        }
    }

    public CustomerPrivacy.Subject getSubject() {
        if (!looked) {
            looked = true;
            Long id = Pages.longParameter("id");
            subject = id == null ? null : Pages.found(() -> privacy.subject(me.actor(), id));
        }
        return subject;
    }

    /** The page asks before erasing: {@code ?id=…&erase=1} shows the question. */
    public boolean isConfirmingErase() {
        return "1".equals(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("erase"));
    }

    public String erase() {
        Long id = Pages.longParameter("id");
        return id == null ? null : feedback.act(() -> privacy.erase(me.actor(), id, confirmation), "privacy.erased",
                "/reseller/customer-data?faces-redirect=true&id=" + id);
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
