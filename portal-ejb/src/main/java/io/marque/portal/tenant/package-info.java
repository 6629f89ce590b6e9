/**
 * Tenants: the provider and its resellers. {@link io.marque.portal.tenant.Tenant} is the aggregate
 * root; its domains and brand belong to it. A request finds its tenant from the host it arrived on
 * through {@link io.marque.portal.tenant.DomainDirectory}, and nothing else chooses a tenant.
 */
package io.marque.portal.tenant;
