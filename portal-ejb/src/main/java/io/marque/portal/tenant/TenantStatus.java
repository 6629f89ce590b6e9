package io.marque.portal.tenant;

/** A suspended reseller's domains answer with a neutral "unavailable" page. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
