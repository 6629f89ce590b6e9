package io.marque.portal.server.job;

import io.marque.portal.server.driver.PowerAction;

/** What a job does to a server. */
public enum JobAction {
    POWER_ON(PowerAction.ON, true),
    SOFT_OFF(PowerAction.SOFT_OFF, false),
    HARD_OFF(PowerAction.HARD_OFF, false),
    RESET(PowerAction.RESET, true),
    CYCLE(PowerAction.CYCLE, true),
    REINSTALL(null, true);

    private final PowerAction power;
    private final boolean startsServer;

    JobAction(PowerAction power, boolean startsServer) {
        this.power = power;
        this.startsServer = startsServer;
    }

    /** The driver's power action, or null for a reinstall. */
    public PowerAction power() {
        return power;
    }

    /**
     * Whether the action leaves the server running: such actions are refused on a suspended server,
     * while switching it off stays allowed.
     */
    public boolean startsServer() {
        return startsServer;
    }

    /** The action for a power button's name, e.g. {@code CYCLE}. */
    public static JobAction ofPower(PowerAction action) {
        for (JobAction candidate : values()) {
            if (candidate.power == action) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(String.valueOf(action));
    }
}
