package io.marque.portal.web.reseller;

import io.marque.portal.server.ResellerServers;
import io.marque.portal.server.ServerView;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The reseller's servers ({@code /reseller/servers}) with the customer that has each, a page at a
 * time ({@code ?after=<last id>}).
 */
@Named
@RequestScoped
public class ResellerServerList {

    @Inject
    ResellerServers servers;

    @Inject
    CurrentUser me;

    private List<ServerView> list;

    public List<ServerView> getServers() {
        if (list == null) {
            Long after = Pages.longParameter("after");
            list = servers.list(me.actor(), after == null ? 0 : after);
        }
        return list;
    }

    /** The next page, after the last server shown; null on the last page. */
    public String getNextUrl() {
        List<ServerView> page = getServers();
        return page.size() < ResellerServers.PAGE ? null : "/reseller/servers?after=" + page.get(page.size() - 1).id();
    }
}
