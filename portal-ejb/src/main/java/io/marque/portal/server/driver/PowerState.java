package io.marque.portal.server.driver;

/** A server's power as its device reports it. */
public enum PowerState {
    ON, OFF
}
