package io.marque.portal.billing.dunning;

import io.marque.portal.billing.invoice.DunningStep;
import io.marque.portal.billing.invoice.InvoiceStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When each dunning step of an unpaid invoice is due, counted from its effective due date (the extension
 * when one was granted):
 *
 * <table>
 * <caption>Steps and their days</caption>
 * <tr><th>step</th><th>from</th></tr>
 * <tr><td>{@link DunningStep#REMINDED}</td><td>3 days before the due date</td></tr>
 * <tr><td>{@link DunningStep#OVERDUE}</td><td>the day after it</td></tr>
 * <tr><td>{@link DunningStep#LATE_FEE}</td><td>3 days after it</td></tr>
 * <tr><td>{@link DunningStep#SUSPENDED}</td><td>5 days after it</td></tr>
 * <tr><td>{@link DunningStep#TERMINATED}</td><td>7 days after it</td></tr>
 * </table>
 *
 * <p>Steps are taken in order and each once: the invoice remembers the last one taken, and a day on which
 * several are due (the job did not run for a while) takes all of them, in order. A paid or void invoice
 * takes none. An extension moves every step not taken yet, but never takes one back, so it cannot undo a
 * termination. A pure rule, without clock or database, so every boundary is tested.
 */
public final class DunningSchedule {

    /** The reminder goes this many days before the due date. */
    public static final int REMIND_DAYS_BEFORE = 3;
    /** Termination is this many days after the (effective) due date. */
    public static final int TERMINATE_DAYS_AFTER = 7;

    private DunningSchedule() {
    }

    /** The first day {@code step} is due for an invoice due on {@code due}; {@code NONE} is never taken. */
    public static LocalDate dayOf(DunningStep step, LocalDate due) {
        return switch (step) {
            case NONE -> throw new IllegalArgumentException("NONE is not a step to take");
            case REMINDED -> due.minusDays(REMIND_DAYS_BEFORE);
            case OVERDUE -> due.plusDays(1);
            case LATE_FEE -> due.plusDays(3);
            case SUSPENDED -> due.plusDays(5);
            case TERMINATED -> due.plusDays(TERMINATE_DAYS_AFTER);
        };
    }

    /** The furthest step due on {@code today} for an invoice due on {@code due}, or {@code NONE}. */
    public static DunningStep reached(LocalDate due, LocalDate today) {
        DunningStep reached = DunningStep.NONE;
        for (DunningStep step : DunningStep.values()) {
            if (step != DunningStep.NONE && !today.isBefore(dayOf(step, due))) {
                reached = step;
            }
        }
        return reached;
    }

    /**
     * The steps to take on {@code today}, in order: every step after {@code taken} up to the one
     * {@link #reached}; none for an invoice that is not {@link InvoiceStatus#ISSUED}.
     *
     * @param due the effective due date: the extension when one was granted
     */
    public static List<DunningStep> toTake(InvoiceStatus status, DunningStep taken, LocalDate due, LocalDate today) {
        List<DunningStep> steps = new ArrayList<>();
        if (status != InvoiceStatus.ISSUED) {
            return steps;
        }
        DunningStep reached = reached(due, today);
        for (DunningStep step : DunningStep.values()) {
            if (step.compareTo(taken) > 0 && step.compareTo(reached) <= 0) {
                steps.add(step);
            }
        }
        return steps;
    }
}
