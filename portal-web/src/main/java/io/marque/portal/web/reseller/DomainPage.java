package io.marque.portal.web.reseller;

import io.marque.portal.domains.CustomDomainView;
import io.marque.portal.domains.CustomDomains;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One of a reseller's own domains ({@code /reseller/domain?id=}): the records to create, each with what
 * DNS holds now, the certificate, what mail authentication still lacks, and the actions: check now, make
 * it the main address, remove it (after a confirming second step). Behind a stateless view: each form
 * carries the id. Another reseller's id is the 404.
 */
@Named
@RequestScoped
public class DomainPage {

    @Inject
    CustomDomains domains;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private boolean looked;
    private CustomDomainView domain;

    public void load() {
        if (getDomain() == null) {
            Pages.notFound();
        }
    }

    public CustomDomainView getDomain() {
        if (!looked) {
            looked = true;
            Long id = Pages.longParameter("id");
            domain = id == null ? null : Pages.found(() -> domains.get(me.actor(), id));
        }
        return domain;
    }

    /** The page asks before removing: {@code ?id=…&remove=1} shows the question. */
    public boolean isConfirmingRemove() {
        return "1".equals(jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap().get("remove"));
    }

    public String check() {
        Long id = Pages.longParameter("id");
        return id == null ? null : feedback.act(() -> domains.checkNow(me.actor(), id), "domains.checked", back(id));
    }

    public String makePrimary() {
        Long id = Pages.longParameter("id");
        return id == null ? null : feedback.act(() -> domains.makePrimary(me.actor(), id), "domains.primaryChanged", back(id));
    }

    public String remove() {
        Long id = Pages.longParameter("id");
        return id == null ? null : feedback.act(() -> domains.remove(me.actor(), id), "domains.removed",
                "/reseller/domains?faces-redirect=true");
    }

    private static String back(long id) {
        return "/reseller/domain?faces-redirect=true&id=" + id;
    }
}
