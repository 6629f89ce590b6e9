package io.marque.portal.identity;

import io.marque.portal.platform.ForbiddenException;
import java.io.Serializable;
import java.util.Collection;
import java.util.Set;

/**
 * Who is calling a service: a signed-in user of one tenant, with its roles and the client address
 * the request came from. Services scope every read and write to {@link #tenantId()} and audit
 * under {@link #email()}.
 *
 * @param customerId the customer a customer's login belongs to, as its session recorded at sign-in;
 *                   {@code null} for staff, or when the caller did not say (services then look it up)
 */
public record Actor(long tenantId, long userId, String email, Set<Role> roles, String clientAddress, Long customerId)
        implements Serializable {

    public Actor(long tenantId, long userId, String email, Set<Role> roles, String clientAddress) {
        this(tenantId, userId, email, roles, clientAddress, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Collection<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    /** @throws ForbiddenException unless the actor holds one of the roles */
    public void require(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return;
            }
        }
        throw new ForbiddenException("This needs one of the roles " + java.util.Arrays.toString(wanted));
    }
}
