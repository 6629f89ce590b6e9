package io.marque.portal.tenant;

import java.time.Instant;

/** A reseller as the provider's reseller list shows it. */
public record ResellerView(long id, String slug, String name, TenantStatus status, String theme, String primaryHost,
        long domains, Instant createdAt) implements java.io.Serializable {
}
