package io.marque.portal.tenant;

import java.time.Instant;

/** A domain as the domain pages list it. */
public record DomainView(long id, String host, boolean primary, Instant createdAt) implements java.io.Serializable {

    static DomainView of(Domain d) {
        return new DomainView(d.getId(), d.getHost(), d.isPrimary(), d.getCreatedAt());
    }
}
