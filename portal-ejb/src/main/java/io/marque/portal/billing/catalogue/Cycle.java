package io.marque.portal.billing.catalogue;

import java.time.LocalDate;

/** How often a service is billed; a period starts on the day it was ordered and lasts whole months. */
public enum Cycle {
    MONTHLY(1),
    QUARTERLY(3),
    ANNUALLY(12);

    private final int months;

    Cycle(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    /** The first day after the period that starts on {@code start}. */
    public LocalDate next(LocalDate start) {
        return start.plusMonths(months);
    }
}
