package io.marque.portal.identity;

import java.time.Instant;
import java.util.Set;

/** A user as the staff pages list it. */
public record UserView(long id, String email, String displayName, Set<Role> roles, UserStatus status,
        boolean totpEnabled, Instant lastLoginAt) implements java.io.Serializable {

    static UserView of(User u) {
        return new UserView(u.getId(), u.getEmail(), u.getDisplayName(), u.roleSet(), u.getStatus(),
                u.isTotpEnabled(), u.getLastLoginAt());
    }
}
