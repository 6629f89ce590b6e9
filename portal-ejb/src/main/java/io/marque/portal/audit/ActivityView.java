package io.marque.portal.audit;

import java.time.Instant;

/** An activity entry as the activity pages show it; {@code tenantName} is filled for the provider's view. */
public record ActivityView(long id, String tenantName, String actor, String action, String target, String detail,
        String clientAddress, Instant at) {
}
