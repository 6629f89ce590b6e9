package io.marque.portal.billing.discount;

/** What a price is for, as the discount tables tell products apart. */
public enum Category {
    VPS, DEDICATED, SSL, OTHER;

    /** Whether the category is a server, which the volume discount counts and discounts. */
    public boolean isServer() {
        return this == VPS || this == DEDICATED;
    }
}
