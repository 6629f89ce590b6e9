package io.marque.portal.web.reseller;

import io.marque.portal.tenant.DomainService;
import io.marque.portal.tenant.DomainView;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** A reseller admin's view of its own domains; adding and removing is the provider's. */
@Named
@RequestScoped
public class OwnDomains {

    @Inject
    DomainService domains;

    @Inject
    CurrentUser me;

    private List<DomainView> list;

    public List<DomainView> getList() {
        if (list == null) {
            list = domains.own(me.actor());
        }
        return list;
    }
}
