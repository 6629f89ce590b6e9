package io.marque.portal.web.reseller;

import io.marque.portal.reseller.ProgramStanding;
import io.marque.portal.reseller.ResellerProfiles;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The reseller admin's own page in the provider's program ({@code /reseller/program}), read only: its
 * company details, tier, discount policy, the discount now and how far the next step is.
 */
@Named
@RequestScoped
public class ProgramPage {

    @Inject
    ResellerProfiles profiles;

    @Inject
    CurrentUser me;

    private ProgramStanding standing;

    public ProgramStanding getStanding() {
        if (standing == null) {
            standing = profiles.own(me.actor());
        }
        return standing;
    }
}
