package io.marque.portal.ticket;

import java.io.Serializable;

/** How many tickets each queue holds, for the counters beside their names. */
public record QueueCounts(long all, long mine, long unassigned, long escalated, long overdue) implements Serializable {
}
