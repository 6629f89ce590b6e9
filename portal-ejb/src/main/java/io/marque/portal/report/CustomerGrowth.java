package io.marque.portal.report;

import java.util.ArrayList;
import java.util.List;

/**
 * How many customers a reseller had at the end of each month of a window, from how many it has at the
 * window's end and how many were added in each month: counting back, a month ended with the total less
 * those added after it. Works from counts alone, so the database counts rows and returns no customer.
 */
public final class CustomerGrowth {

    private CustomerGrowth() {
    }

    /**
     * @param totalAtEnd the customers created before the end of the window
     * @param added      the customers created in each month of the window, oldest first
     * @return the customers at the end of each month, oldest first
     */
    public static List<Long> totals(long totalAtEnd, List<Long> added) {
        long[] totals = new long[added.size()];
        long running = totalAtEnd;
        for (int i = added.size() - 1; i >= 0; i--) {
            totals[i] = running;
            running -= added.get(i);
        }
        if (running < 0) {
            throw new IllegalArgumentException("More customers added (" + added + ") than there are: " + totalAtEnd);
        }
        List<Long> result = new ArrayList<>(totals.length);
        for (long total : totals) {
            result.add(total);
        }
        return List.copyOf(result);
    }
}
