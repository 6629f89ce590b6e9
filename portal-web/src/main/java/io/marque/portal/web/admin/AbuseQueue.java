package io.marque.portal.web.admin;

import io.marque.portal.server.abuse.AbuseDesk;
import io.marque.portal.server.abuse.AbuseView;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Every abuse report the provider filed, across resellers. */
@Named("abuseQueue")
@RequestScoped
public class AbuseQueue {

    @Inject
    AbuseDesk desk;

    @Inject
    CurrentUser me;

    private List<AbuseView> list;

    public List<AbuseView> getList() {
        if (list == null) {
            list = desk.list(me.actor());
        }
        return list;
    }
}
