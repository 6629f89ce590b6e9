package io.marque.portal.reseller;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.discount.Category;
import io.marque.portal.billing.discount.PriceLine;
import io.marque.portal.billing.discount.RollingTurnover;
import io.marque.portal.billing.discount.Standing;
import io.marque.portal.billing.discount.VolumeByServers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Works out a reseller's {@link ProgramStanding} from its profile and what it measured today: the
 * discount its policy gives now and the next step of that policy and of the tiers. A pure rule, so the
 * pages never compute a discount themselves.
 */
final class ProgramStandings {

    /** The categories the rolling turnover table gives percentages for. */
    static final List<Category> TURNOVER_CATEGORIES = List.of(Category.VPS, Category.DEDICATED, Category.SSL);

    private ProgramStandings() {
    }

    /**
     * @param currency        the reseller's currency: its turnover is in it
     * @param defaultDiscount the program's default fixed percentage
     */
    static ProgramStanding of(ResellerProfile profile, String currency, BigDecimal defaultDiscount, Tiers tiers,
            Standing standing) {
        Money turnover = new Money(standing.turnover(), currency);
        BigDecimal percent = null;
        List<ProgramStanding.CategoryPercent> categories = new ArrayList<>();
        ProgramStanding.VolumeStep nextVolume = null;
        List<ProgramStanding.TurnoverStep> nextTurnover = new ArrayList<>();
        switch (profile.getDiscountPolicy()) {
            case FIXED -> percent = profile.getDiscountPercent() != null ? profile.getDiscountPercent() : defaultDiscount;
            case VOLUME -> {
                percent = VolumeByServers.percentFor(standing.activeServers());
                nextVolume = VolumeByServers.next(standing.activeServers())
                        .map(step -> new ProgramStanding.VolumeStep(step.servers(), step.percent())).orElse(null);
            }
            case TURNOVER -> {
                RollingTurnover table = RollingTurnover.example();
                for (Category category : TURNOVER_CATEGORIES) {
                    categories.add(new ProgramStanding.CategoryPercent(category,
                            table.percent(new PriceLine(category, false), standing)));
                    table.next(standing.turnover(), category).ifPresent(step -> nextTurnover.add(
                            new ProgramStanding.TurnoverStep(category, new Money(step.amount(), currency), step.percent())));
                }
            }
        }
        Tiers.Progress next = currency.equals(tiers.currency()) ? tiers.next(turnover).orElse(null) : null;
        return new ProgramStanding(profile.getTenantId(), profile.getCompanyName(), profile.getRegistrationNumber(),
                profile.getTaxId(), profile.getAddress(), profile.getTier(), profile.getTierCheckedOn(),
                profile.getDiscountPolicy(), percent,
                profile.getDiscountPolicy() == PolicyKind.FIXED && profile.getDiscountPercent() == null,
                List.copyOf(categories), standing.activeServers(), turnover, next == null ? null : next.tier(),
                next == null ? null : next.amount(), tiers.currency(), nextVolume, List.copyOf(nextTurnover));
    }
}
