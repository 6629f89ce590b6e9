package io.marque.portal.server;

/** Why a server is suspended; it decides who may lift the suspension. */
public enum SuspensionCause {
    /** The reseller suspended its customer's server (unpaid invoice, its own reasons); the reseller lifts it. */
    RESELLER,
    /** The provider suspended it, for abuse or an unpaid reseller account; only the provider lifts it. */
    PROVIDER
}
