package io.marque.portal.identity;

import java.util.EnumSet;
import java.util.Set;

/** The five roles; which tenant kind may hold each is fixed here. */
public enum Role {
    CUSTOMER,
    RESELLER_AGENT,
    RESELLER_ADMIN,
    PROVIDER_AGENT,
    PROVIDER_ADMIN;

    public static final Set<Role> RESELLER_STAFF = EnumSet.of(RESELLER_AGENT, RESELLER_ADMIN);
    public static final Set<Role> PROVIDER_STAFF = EnumSet.of(PROVIDER_AGENT, PROVIDER_ADMIN);

    public boolean isStaff() {
        return this != CUSTOMER;
    }

    public boolean isProviderRole() {
        return PROVIDER_STAFF.contains(this);
    }
}
