package io.marque.portal.web.admin;

import io.marque.portal.server.OsTemplates;
import io.marque.portal.server.TemplateView;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The provider's operating systems for reinstalls: added by code and name, enabled and disabled. */
@Named("osTemplateList")
@RequestScoped
public class OsTemplateList {

    @Inject
    OsTemplates templates;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private List<TemplateView> list;
    private String code;
    private String name;

    public List<TemplateView> getList() {
        if (list == null) {
            list = templates.list(me.actor());
        }
        return list;
    }

    public String add() {
        return feedback.act(() -> templates.add(me.actor(), code == null ? null : code.strip(), name),
                "osTemplates.added");
    }

    public String enable(String templateCode) {
        return feedback.act(() -> templates.setActive(me.actor(), templateCode, true), "osTemplates.enabled");
    }

    public String disable(String templateCode) {
        return feedback.act(() -> templates.setActive(me.actor(), templateCode, false), "osTemplates.disabled");
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
