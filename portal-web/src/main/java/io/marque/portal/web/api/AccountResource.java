package io.marque.portal.web.api;

import io.marque.portal.api.ApiScope;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.account.Accounts;
import io.marque.portal.billing.discount.Category;
import io.marque.portal.reseller.PolicyKind;
import io.marque.portal.reseller.ProgramStanding;
import io.marque.portal.reseller.ResellerProfiles;
import io.marque.portal.reseller.Tier;
import io.marque.portal.web.api.ApiRecords.Amount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;

/**
 * The reseller's own account with the provider: its balance in each currency, its tier, its discount
 * policy, the discount it has now and how far the next step is (of the tiers, and of a volume or turnover
 * policy). Read only; what the reseller's admins see on their program page.
 */
@Path("/account")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    Accounts accounts;

    @Inject
    ResellerProfiles profiles;

    @Inject
    ApiRequest current;

    /**
     * The account. {@code percent} is the discount now (FIXED on everything, VOLUME on server prices; null
     * for TURNOVER, whose percentages are per category in {@code categoryPercents}); {@code turnover} is
     * what the reseller paid the provider in the month-long window ending today; {@code nextTier} and
     * {@code toNextTier} are null at the top or when the thresholds are in another currency.
     */
    public record Account(List<Amount> balances, String companyName, Tier tier, LocalDate tierCheckedOn, PolicyKind policy,
            String percent, boolean programDefault, List<CategoryPercent> categoryPercents, int activeServers,
            Amount turnover, Tier nextTier, Amount toNextTier, String tierCurrency, VolumeStep nextVolume,
            List<TurnoverStep> nextTurnover) {
        static Account of(List<Money> balances, ProgramStanding standing) {
            return new Account(balances.stream().map(Amount::of).toList(), standing.companyName(), standing.tier(),
                    standing.tierCheckedOn(), standing.policy(), ApiRecords.percent(standing.percent()),
                    standing.programDefault(),
                    standing.categoryPercents().stream()
                            .map(c -> new CategoryPercent(c.category(), ApiRecords.percent(c.percent()))).toList(),
                    standing.activeServers(), Amount.of(standing.turnover()), standing.nextTier(),
                    Amount.of(standing.toNextTier()), standing.tierCurrency(),
                    standing.nextVolume() == null ? null
                            : new VolumeStep(standing.nextVolume().servers(), ApiRecords.percent(standing.nextVolume().percent())),
                    standing.nextTurnover().stream().map(t -> new TurnoverStep(t.category(), Amount.of(t.amount()),
                            ApiRecords.percent(t.percent()))).toList());
        }
    }

    /** TURNOVER: the percentage now on one product category. */
    public record CategoryPercent(Category category, String percent) {
    }

    /** VOLUME: {@code servers} more active servers give {@code percent}. */
    public record VolumeStep(int servers, String percent) {
    }

    /** TURNOVER: {@code amount} more turnover gives {@code percent} on the category. */
    public record TurnoverStep(Category category, Amount amount, String percent) {
    }

    @GET
    @RequiresScope(ApiScope.ACCOUNT_READ)
    public Account get() {
        return Account.of(accounts.resellerBalances(current.actor()), profiles.own(current.actor()));
    }
}
