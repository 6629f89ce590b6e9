package io.marque.portal.ticket;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * A ticket page: the summary, the messages the reader may read (oldest first), and what the reader may
 * do. {@code customerEmail} is null where the reader may not know who the customer is.
 */
public record TicketDetail(TicketSummary summary, Long customerId, String customerEmail, Long departmentId,
        Long assigneeId, String relatedService, String escalationReason, boolean providerMayReply,
        boolean shareCustomer, Integer rating, String ratingComment, Long mergedIntoNumber,
        List<MessageView> messages, Set<Visibility> writable) implements Serializable {

    public boolean mayWrite(Visibility visibility) {
        return writable.contains(visibility);
    }
}
