package io.marque.portal.identity;

/** A disabled customer cannot sign in; its records stay. */
public enum CustomerStatus {
    INVITED,
    ACTIVE,
    DISABLED
}
