package io.marque.portal.reseller;

/**
 * Which of the three discount policies a reseller is on: a fixed percentage (its own, or the program's
 * default), volume by active servers, or rolling turnover.
 */
public enum PolicyKind {
    FIXED,
    VOLUME,
    TURNOVER
}
