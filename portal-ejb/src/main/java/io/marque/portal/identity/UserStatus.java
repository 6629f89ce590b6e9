package io.marque.portal.identity;

/** An invited user has no password until it follows its invitation link. */
public enum UserStatus {
    INVITED,
    ACTIVE,
    DISABLED
}
