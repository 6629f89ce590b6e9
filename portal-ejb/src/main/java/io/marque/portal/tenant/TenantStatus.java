package io.marque.portal.tenant;

/**
 * A reseller's standing with the provider. A suspended reseller's domains answer with a neutral
 * "unavailable" page; an inactive reseller's portal keeps working for its customers and staff, but it
 * may place no new orders (see {@code reseller.ResellerTerms#mayOrder}).
 */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED,
    INACTIVE
}
