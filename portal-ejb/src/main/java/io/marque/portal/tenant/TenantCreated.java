package io.marque.portal.tenant;

/**
 * Fired, inside the creating transaction, when a tenant has been stored with its brand, so that other
 * capabilities set up what each tenant needs (the ticket package: departments, SLA targets, settings).
 */
public record TenantCreated(long tenantId, TenantKind kind, String brandName) {
}
