package io.marque.portal.web.reseller;

import io.marque.portal.domains.CustomDomainView;
import io.marque.portal.domains.CustomDomains;
import io.marque.portal.tenant.DomainService;
import io.marque.portal.tenant.DomainView;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * A reseller admin's domains ({@code /reseller/domains}): the addresses its portal answers on, its own
 * domains with their status, and the form that claims a new one (then shown with the records to
 * create, {@link DomainPage}).
 */
@Named
@RequestScoped
public class OwnDomains {

    @Inject
    DomainService domains;

    @Inject
    CustomDomains custom;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private List<DomainView> list;
    private List<CustomDomainView> claims;
    private String host;
    private String mailDomain;

    public List<DomainView> getList() {
        if (list == null) {
            list = domains.own(me.actor());
        }
        return list;
    }

    public List<CustomDomainView> getClaims() {
        if (claims == null) {
            claims = custom.own(me.actor());
        }
        return claims;
    }

    /** Claims the host and opens its page, where the records to create are listed. */
    public String add() {
        CustomDomainView[] added = new CustomDomainView[1];
        String outcome = feedback.act(() -> added[0] = custom.add(me.actor(), host, mailDomain), "domains.claimed",
                "/reseller/domain?faces-redirect=true");
        return outcome == null ? null : outcome + "&id=" + added[0].id();
    }

    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public String getMailDomain() { return mailDomain; }
    public void setMailDomain(String mailDomain) { this.mailDomain = mailDomain; }
}
