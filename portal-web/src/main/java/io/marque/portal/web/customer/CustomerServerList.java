package io.marque.portal.web.customer;

import io.marque.portal.server.CustomerServers;
import io.marque.portal.server.ServerView;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The customer's servers ({@code /customer/servers}), each with its last known power state. */
@Named
@RequestScoped
public class CustomerServerList {

    @Inject
    CustomerServers servers;

    @Inject
    CurrentUser me;

    private List<ServerView> list;

    public List<ServerView> getServers() {
        if (list == null) {
            list = servers.list(me.actor());
        }
        return list;
    }
}
