package io.marque.portal.report;

import io.marque.portal.billing.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds up amounts into months and currencies as the dashboards' queries report them, keeping each
 * currency apart: what comes out is one {@link MonthlySeries} per currency that had any amount, in the
 * order of the currency codes.
 */
final class MonthlyTotals {

    private final int months;
    private final Map<String, BigDecimal[]> sums = new TreeMap<>();

    MonthlyTotals(int months) {
        this.months = months;
    }

    /** Adds an amount (negative for a credit note) to a month of a currency. */
    MonthlyTotals add(String currency, int month, BigDecimal amount) {
        if (month < 0 || month >= months) {
            throw new IndexOutOfBoundsException("month " + month + " of " + months);
        }
        if (amount == null) {
            return this;
        }
        BigDecimal[] row = sums.computeIfAbsent(Money.code(currency), c -> {
            BigDecimal[] zeros = new BigDecimal[months];
            java.util.Arrays.fill(zeros, BigDecimal.ZERO);
            return zeros;
        });
        row[month] = row[month].add(amount);
        return this;
    }

    List<MonthlySeries> series() {
        List<MonthlySeries> series = new ArrayList<>(sums.size());
        sums.forEach((currency, row) -> {
            List<Money> amounts = new ArrayList<>(months);
            for (BigDecimal amount : row) {
                amounts.add(new Money(amount, currency));
            }
            series.add(new MonthlySeries(currency, amounts));
        });
        return series;
    }
}
