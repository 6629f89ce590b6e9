package io.marque.portal.identity;

import java.io.Serializable;
import java.util.Set;

/**
 * The principal kept in a session after sign-in. It names its tenant, and a session is honoured
 * only on the tenant it was made on.
 */
public record SignedInUser(long tenantId, long userId, String email, String displayName, Set<Role> roles,
        Long customerId, String locale) implements Serializable {

    public Actor actor(String clientAddress) {
        return new Actor(tenantId, userId, email, roles, clientAddress, customerId);
    }

    public SignedInUser withProfile(String newDisplayName, String newLocale) {
        return new SignedInUser(tenantId, userId, email, newDisplayName, roles, customerId, newLocale);
    }

    @Override
    public String toString() {
        return email;
    }
}
