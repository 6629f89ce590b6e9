package io.marque.portal.server.abuse;

import java.io.Serializable;
import java.time.Instant;

/** An abuse report as the provider and the reseller see it (a customer never does). */
public record AbuseView(long id, long resellerId, String resellerName, long serverId, String hostname,
        String evidence, Instant deadline, AbuseState state, String resellerResponse, Instant createdAt,
        Instant respondedAt, Instant closedAt) implements Serializable {

    public boolean open() {
        return state.isOpen();
    }
}
