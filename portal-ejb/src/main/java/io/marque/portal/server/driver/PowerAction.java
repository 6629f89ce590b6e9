package io.marque.portal.server.driver;

/** What a user may ask of a server's power. */
public enum PowerAction {
    /** Power on. */
    ON,
    /** Ask the operating system to shut down (ACPI). */
    SOFT_OFF,
    /** Cut the power at once. */
    HARD_OFF,
    /** Hard reset without removing power. */
    RESET,
    /** Off, then on again. */
    CYCLE
}
