package io.marque.portal.tenant;

/** The provider runs the installation; every reseller is a tenant of it. */
public enum TenantKind {
    PROVIDER,
    RESELLER
}
