package io.marque.portal.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The calendar months a dashboard shows: the {@code count} months up to and including the one
 * {@code today} falls in, oldest first, so the current (partial) month is the last. Money paid at a
 * moment belongs to the month of the tenant's own calendar: a payment at 23:30 UTC on 31 January is
 * February's in Moscow. The queries sum each month between two {@linkplain #bounds(ZoneId) bounds},
 * the first included and the next excluded, which is the same rule as {@link #indexOf(Instant, ZoneId)}.
 *
 * @param months the months, oldest first, consecutive
 */
public record Months(List<YearMonth> months) {

    public Months {
        months = List.copyOf(months);
        if (months.isEmpty()) {
            throw new IllegalArgumentException("A window has at least one month");
        }
        for (int i = 1; i < months.size(); i++) {
            if (!months.get(i).equals(months.get(i - 1).plusMonths(1))) {
                throw new IllegalArgumentException("Months must be consecutive: " + months);
            }
        }
    }

    /** The {@code count} months ending with the month of {@code today}. */
    public static Months ending(LocalDate today, int count) {
        Objects.requireNonNull(today, "today");
        if (count < 1) {
            throw new IllegalArgumentException("count " + count);
        }
        YearMonth last = YearMonth.from(today);
        List<YearMonth> months = new ArrayList<>(count);
        for (int i = count - 1; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        return new Months(months);
    }

    public int size() {
        return months.size();
    }

    public YearMonth first() {
        return months.get(0);
    }

    public YearMonth last() {
        return months.get(months.size() - 1);
    }

    /** The first day of every month and, last, the first day after the window: {@code size() + 1} days. */
    public List<LocalDate> bounds() {
        List<LocalDate> bounds = new ArrayList<>(months.size() + 1);
        months.forEach(month -> bounds.add(month.atDay(1)));
        bounds.add(last().plusMonths(1).atDay(1));
        return bounds;
    }

    /** {@link #bounds()} as the moments those days begin in {@code zone}. */
    public List<Instant> bounds(ZoneId zone) {
        return bounds().stream().map(day -> day.atStartOfDay(zone).toInstant()).toList();
    }

    /** The first day of the window. */
    public LocalDate start() {
        return first().atDay(1);
    }

    /** The first day after the window. */
    public LocalDate end() {
        return last().plusMonths(1).atDay(1);
    }

    /** Where a day falls: the index of its month, or -1 outside the window. */
    public int indexOf(LocalDate day) {
        return months.indexOf(YearMonth.from(day));
    }

    /** Where a moment falls in the tenant's calendar: the index of its month, or -1 outside the window. */
    public int indexOf(Instant at, ZoneId zone) {
        return indexOf(at.atZone(zone).toLocalDate());
    }
}
