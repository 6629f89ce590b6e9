package io.marque.portal.ticket;

import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.ForbiddenException;

/** The three sides of a ticket, as the visibility rules know them. */
public enum Viewer {
    CUSTOMER,
    RESELLER,
    PROVIDER;

    /** The side an actor speaks for; staff roles win over the customer role. */
    public static Viewer of(Actor actor) {
        if (actor.hasAny(Role.PROVIDER_STAFF)) {
            return PROVIDER;
        }
        if (actor.hasAny(Role.RESELLER_STAFF)) {
            return RESELLER;
        }
        if (actor.has(Role.CUSTOMER)) {
            return CUSTOMER;
        }
        throw new ForbiddenException("No ticket role");
    }

    public AuthorKind authorKind() {
        return switch (this) {
            case CUSTOMER -> AuthorKind.CUSTOMER;
            case RESELLER -> AuthorKind.RESELLER;
            case PROVIDER -> AuthorKind.PROVIDER;
        };
    }
}
