package io.marque.portal.ticket;

/** Who a message is meant for; see {@link VisibilityPolicy} for who may read and write each. */
public enum Visibility {
    /** the conversation with the customer (a provider reply here shows under the reseller's alias) */
    PUBLIC,
    /** the reseller's own staff only */
    RESELLER_NOTE,
    /** between the reseller and the provider */
    ESCALATION,
    /** the provider's own staff only */
    PROVIDER_NOTE
}
