package io.marque.portal.api;

import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who calls the API: a key of the tenant whose domain the request came on. As an {@link Actor} it is
 * the reseller admin who made the key, named after the key ({@code api-key:<name>}) so that the activity
 * log says which key did what; every service scopes it like a person; its scopes decide which resources
 * it may call at all.
 */
public record ApiCaller(long keyId, long tenantId, long userId, String keyName, String prefix, Set<ApiScope> scopes,
        String clientAddress) {

    /** As the admin who made the key (a service that needs a person, such as a ticket reply's author, sees that admin). */
    public Actor actor() {
        return new Actor(tenantId, userId, "api-key:" + keyName, EnumSet.of(Role.RESELLER_ADMIN), clientAddress);
    }

    public boolean may(ApiScope scope) {
        return scopes.contains(scope);
    }
}
