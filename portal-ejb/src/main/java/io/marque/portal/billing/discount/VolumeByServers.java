package io.marque.portal.billing.discount;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The more servers a reseller has in service, the larger its discount on the server's own price (not
 * on add-ons): 1–5 0 %, 6–10 5 %, 11–15 10 %, 16–20 15 %, 21–25 20 %, 26–30 25 %, 31 and more 30 %.
 * New orders get it at once; existing services when a provider admin re-applies it.
 */
public final class VolumeByServers implements DiscountPolicy {

    /** A step of the table: from this many servers, this percentage. */
    public record Step(int fromServers, BigDecimal percent) {
    }

    /** How far the next step is: {@code servers} more servers give {@code percent}. */
    public record Progress(int servers, BigDecimal percent) {
    }

    public static final List<Step> STEPS = List.of(new Step(1, new BigDecimal("0")), new Step(6, new BigDecimal("5")),
            new Step(11, new BigDecimal("10")), new Step(16, new BigDecimal("15")), new Step(21, new BigDecimal("20")),
            new Step(26, new BigDecimal("25")), new Step(31, new BigDecimal("30")));

    @Override
    public BigDecimal percent(PriceLine line, Standing standing) {
        if (!line.category().isServer() || line.addOn()) {
            return BigDecimal.ZERO;
        }
        return percentFor(standing.activeServers());
    }

    /** The percentage for that many active servers. */
    public static BigDecimal percentFor(int servers) {
        BigDecimal found = BigDecimal.ZERO;
        for (Step step : STEPS) {
            if (servers >= step.fromServers()) {
                found = step.percent();
            }
        }
        return found;
    }

    /** "3 more servers to 10 %"; empty at the top step. */
    public static Optional<Progress> next(int servers) {
        return STEPS.stream().filter(step -> step.fromServers() > servers && step.percent().compareTo(percentFor(servers)) > 0)
                .findFirst().map(step -> new Progress(step.fromServers() - servers, step.percent()));
    }
}
