package io.marque.portal.ticket;

/**
 * What a reseller agent narrows a queue with; every field may be null.
 *
 * @param status a status name, or {@code ANY} for every status including resolved and closed
 */
public record QueueFilter(Long departmentId, String status, Priority priority, Long customerId, String tag,
        String search) {

    public static final QueueFilter NONE = new QueueFilter(null, null, null, null, null, null);
}
