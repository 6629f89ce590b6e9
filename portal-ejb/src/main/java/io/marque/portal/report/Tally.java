package io.marque.portal.report;

import io.marque.portal.billing.Money;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How many rows a grouped query counted and the sum of their amounts, as the database returned them. */
record Tally(long count, BigDecimal sum) {

    static final Tally NONE = new Tally(0, BigDecimal.ZERO);

    Money in(String currency) {
        return new Money(sum, currency);
    }

    /** Rows of {@code key, count, sum} by their key. */
    static <K> Map<K, Tally> byFirstColumn(List<Object[]> rows) {
        Map<K, Tally> tallies = new HashMap<>();
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            K key = (K) row[0];
            BigDecimal sum = MonthlySums.decimal(row[2]);
            tallies.put(key, new Tally(((Number) row[1]).longValue(), sum == null ? BigDecimal.ZERO : sum));
        }
        return tallies;
    }
}
