package io.marque.portal.reseller;

import io.marque.portal.billing.Money;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The program's tier thresholds as a pure rule: a turnover from {@code silver} on is Silver, from
 * {@code gold} on Gold, and so on; below {@code silver} Bronze. Thresholds are in one currency and
 * strictly rising; a turnover in another currency is refused, never converted (law 6).
 */
public record Tiers(Money silver, Money gold, Money platinum, Money diamond) {

    /** How far the next tier is: {@code amount} more turnover reaches {@code tier}. */
    public record Progress(Tier tier, Money amount) {
    }

    public Tiers {
        Objects.requireNonNull(silver, "silver");
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(platinum, "platinum");
        Objects.requireNonNull(diamond, "diamond");
        if (!rising(silver, gold, platinum, diamond)) {
            throw new IllegalArgumentException("Tier thresholds rise strictly from more than zero, in one currency: "
                    + List.of(silver, gold, platinum, diamond));
        }
    }

    /**
     * Whether thresholds can make tiers: one currency, the first above zero, each above the one before.
     * The settings form asks this before it stores them.
     */
    public static boolean rising(Money silver, Money gold, Money platinum, Money diamond) {
        String currency = silver.currency();
        if (!gold.currency().equals(currency) || !platinum.currency().equals(currency)
                || !diamond.currency().equals(currency)) {
            return false;
        }
        return silver.signum() > 0 && gold.compareTo(silver) > 0 && platinum.compareTo(gold) > 0
                && diamond.compareTo(platinum) > 0;
    }

    public String currency() {
        return silver.currency();
    }

    /**
     * The tier a turnover reaches.
     *
     * @throws Money.CurrencyMismatchException when the turnover is in another currency than the thresholds
     */
    public Tier tierFor(Money turnover) {
        Tier found = Tier.BRONZE;
        for (Tier tier : List.of(Tier.SILVER, Tier.GOLD, Tier.PLATINUM, Tier.DIAMOND)) {
            if (turnover.compareTo(threshold(tier)) >= 0) {
                found = tier;
            }
        }
        return found;
    }

    /** "€1,240 more turnover to Gold"; empty at Diamond. */
    public Optional<Progress> next(Money turnover) {
        Tier now = tierFor(turnover);
        if (now == Tier.DIAMOND) {
            return Optional.empty();
        }
        Tier next = Tier.values()[now.ordinal() + 1];
        return Optional.of(new Progress(next, threshold(next).minus(turnover)));
    }

    /** The turnover from which a tier begins; zero for Bronze. */
    public Money threshold(Tier tier) {
        return switch (tier) {
            case BRONZE -> Money.zero(currency());
            case SILVER -> silver;
            case GOLD -> gold;
            case PLATINUM -> platinum;
            case DIAMOND -> diamond;
        };
    }
}
