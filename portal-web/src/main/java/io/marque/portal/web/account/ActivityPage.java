package io.marque.portal.web.account;

import io.marque.portal.audit.ActivityLog;
import io.marque.portal.audit.ActivityView;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The activity log page, newest first; "older" pages by the last id shown. */
@Named
@RequestScoped
public class ActivityPage {

    @Inject
    ActivityLog log;

    @Inject
    CurrentUser me;

    private Long before;
    private List<ActivityView> entries;

    public List<ActivityView> getEntries() {
        if (entries == null) {
            entries = log.page(me.actor(), before);
        }
        return entries;
    }

    public Long getNextBefore() {
        List<ActivityView> page = getEntries();
        return page.size() < ActivityLog.PAGE ? null : page.get(page.size() - 1).id();
    }

    public Long getBefore() { return before; }
    public void setBefore(Long before) { this.before = before; }
}
