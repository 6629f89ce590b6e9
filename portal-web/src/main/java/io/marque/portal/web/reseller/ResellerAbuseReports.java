package io.marque.portal.web.reseller;

import io.marque.portal.server.abuse.AbuseDesk;
import io.marque.portal.server.abuse.AbuseView;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The abuse reports the provider filed against the reseller's servers ({@code /reseller/abuse}). */
@Named
@RequestScoped
public class ResellerAbuseReports {

    @Inject
    AbuseDesk desk;

    @Inject
    CurrentUser me;

    private List<AbuseView> list;

    public List<AbuseView> getReports() {
        if (list == null) {
            list = desk.list(me.actor());
        }
        return list;
    }
}
