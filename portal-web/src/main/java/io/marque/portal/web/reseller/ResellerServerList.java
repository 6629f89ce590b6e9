package io.marque.portal.web.reseller;

import io.marque.portal.server.ResellerServers;
import io.marque.portal.server.ServerView;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** All of the reseller's servers ({@code /reseller/servers}) with the customer that has each. */
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
            list = servers.list(me.actor());
        }
        return list;
    }
}
