package io.marque.portal.billing.catalogue;

/** A plan is a server of its own; an add-on (extra IP, RAM, control panel licence) goes with a plan. */
public enum ProductKind {
    PLAN,
    ADDON
}
