package io.marque.portal.reseller;

/** A reseller whose tier the daily recompute changed. */
public record TierChange(long tenantId, Tier from, Tier to) {
}
