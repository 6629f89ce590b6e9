package io.marque.portal.tenant;

import jakarta.enterprise.context.RequestScoped;

/**
 * The tenant of the request being served. The tenant filter sets it once, from the host, before
 * anything else runs; nothing else may set it, and code that needs the tenant injects this.
 */
@RequestScoped
public class CurrentTenant {

    private TenantSnapshot tenant;

    public void set(TenantSnapshot tenant) {
        if (this.tenant != null && this.tenant.id() != tenant.id()) {
            throw new IllegalStateException("The tenant of a request cannot change");
        }
        this.tenant = tenant;
    }

    public TenantSnapshot get() {
        if (tenant == null) {
            throw new IllegalStateException("No tenant resolved for this request");
        }
        return tenant;
    }

    public boolean isResolved() {
        return tenant != null;
    }

    public long id() {
        return get().id();
    }
}
