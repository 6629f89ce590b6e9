package io.marque.portal.web.reseller;

import io.marque.portal.server.OsTemplates;
import io.marque.portal.server.TemplateView;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * A reseller admin's choice of the operating systems its customers may reinstall with
 * ({@code /reseller/os-templates}). View-scoped, so a row's button acts on the template that row showed
 * even if the provider's list changed meanwhile.
 */
@Named
@ViewScoped
public class OsTemplateChoice implements Serializable {

    @Inject
    OsTemplates templates;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private List<TemplateView> list;

    public List<TemplateView> getTemplates() {
        if (list == null) {
            list = templates.list(me.actor());
        }
        return list;
    }

    /** Offers the template to the customers again ({@code hide} false) or stops offering it. */
    public String setHidden(String code, boolean hide) {
        return feedback.act(() -> templates.setHidden(me.actor(), code, hide),
                hide ? "offeredTemplates.hiddenDone" : "offeredTemplates.offeredDone");
    }
}
