package io.marque.portal.billing.discount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sum of a reseller's payments in the month-long window ending today picks a level, with one
 * percentage per product category. Recomputed every day from the window alone, so a discount earned
 * today is gone once its payments fall out of the window.
 */
public final class RollingTurnover implements DiscountPolicy {

    /** From this turnover on, these percentages. */
    public record Level(BigDecimal from, Map<Category, BigDecimal> percents) {
        public Level {
            percents = Map.copyOf(percents);
            percents.values().forEach(Percent::check);
        }
    }

    /** One payment of the reseller: what it paid, on which day. */
    public record Payment(LocalDate day, BigDecimal amount) {
    }

    /** How far the next level is: {@code amount} more turnover gives {@code percent} on that category. */
    public record Progress(BigDecimal amount, BigDecimal percent) {
    }

    private final List<Level> levels;

    public RollingTurnover(List<Level> levels) {
        this.levels = levels.stream().sorted(Comparator.comparing(Level::from)).toList();
    }

    /** The example policy shipped with Marque: turnover in RUB → VPS / dedicated / SSL %. */
    public static RollingTurnover example() {
        int[][] table = {{500, 3, 1, 1}, {3000, 5, 1, 1}, {5000, 7, 1, 1}, {10000, 9, 2, 1}, {15000, 11, 3, 3},
            {20000, 13, 4, 3}, {30000, 15, 5, 3}, {40000, 17, 6, 3}, {50000, 19, 7, 3}, {100000, 21, 8, 5},
            {150000, 23, 9, 5}, {200000, 25, 10, 5}, {300000, 27, 11, 5}, {400000, 29, 12, 5}, {500000, 31, 13, 10},
            {700000, 33, 14, 10}, {1000000, 35, 15, 10}};
        return new RollingTurnover(java.util.Arrays.stream(table).map(row -> {
            Map<Category, BigDecimal> percents = new EnumMap<>(Category.class);
            percents.put(Category.VPS, BigDecimal.valueOf(row[1]));
            percents.put(Category.DEDICATED, BigDecimal.valueOf(row[2]));
            percents.put(Category.SSL, BigDecimal.valueOf(row[3]));
            return new Level(BigDecimal.valueOf(row[0]), percents);
        }).toList());
    }

    /**
     * The payments in the window ending {@code today}: the days after the same date a month earlier,
     * up to and including today.
     */
    public static BigDecimal turnover(List<Payment> payments, LocalDate today) {
        LocalDate after = today.minusMonths(1);
        return payments.stream().filter(p -> p.day().isAfter(after) && !p.day().isAfter(today))
                .map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public BigDecimal percent(PriceLine line, Standing standing) {
        return level(standing.turnover()).map(l -> l.percents().getOrDefault(line.category(), BigDecimal.ZERO))
                .orElse(BigDecimal.ZERO);
    }

    /** "€1,240 more turnover to 9 %" for a category; empty when no higher level raises it. */
    public Optional<Progress> next(BigDecimal turnover, Category category) {
        BigDecimal now = level(turnover).map(l -> l.percents().getOrDefault(category, BigDecimal.ZERO))
                .orElse(BigDecimal.ZERO);
        return levels.stream().filter(l -> l.from().compareTo(turnover) > 0)
                .filter(l -> l.percents().getOrDefault(category, BigDecimal.ZERO).compareTo(now) > 0).findFirst()
                .map(l -> new Progress(l.from().subtract(turnover), l.percents().get(category)));
    }

    private Optional<Level> level(BigDecimal turnover) {
        Level found = null;
        for (Level level : levels) {
            if (turnover.compareTo(level.from()) >= 0) {
                found = level;
            }
        }
        return Optional.ofNullable(found);
    }
}
