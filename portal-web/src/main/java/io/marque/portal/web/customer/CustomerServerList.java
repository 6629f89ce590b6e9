package io.marque.portal.web.customer;

import io.marque.portal.server.CustomerServers;
import io.marque.portal.server.ServerView;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The customer's servers ({@code /customer/servers}), each with its last known power state, a page at
 * a time ({@code ?after=<last id>}); and the first few for the dashboard.
 */
@Named
@RequestScoped
public class CustomerServerList {

    @Inject
    CustomerServers servers;

    @Inject
    CurrentUser me;

    /** How many servers the dashboard names. */
    public static final int DASHBOARD = 5;

    private List<ServerView> list;
    private List<ServerView> firstFew;

    public List<ServerView> getServers() {
        if (list == null) {
            Long after = Pages.longParameter("after");
            list = servers.list(me.actor(), after == null ? 0 : after, CustomerServers.PAGE);
        }
        return list;
    }

    /** The next page, after the last server shown; null on the last page. */
    public String getNextUrl() {
        List<ServerView> page = getServers();
        return page.size() < CustomerServers.PAGE ? null : "/customer/servers?after=" + page.get(page.size() - 1).id();
    }

    /** The first {@value #DASHBOARD} servers, for the dashboard. */
    public List<ServerView> getFirstFew() {
        if (firstFew == null) {
            firstFew = servers.list(me.actor(), 0, DASHBOARD);
        }
        return firstFew;
    }
}
