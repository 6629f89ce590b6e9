package io.marque.portal.tenant;

/**
 * Fired by every change to a tenant, its domains or its brand; the {@link DomainDirectory} drops its
 * cached picture once the change has committed.
 */
public record TenantChanged(long tenantId) {
}
