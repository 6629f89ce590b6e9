package io.marque.portal.reseller;

/** A reseller's standing in the program, from its rolling turnover; lowest first. */
public enum Tier {
    BRONZE,
    SILVER,
    GOLD,
    PLATINUM,
    DIAMOND
}
