package io.marque.portal.server.driver;

/**
 * What one ipmitool run printed and how it ended.
 *
 * @param commandLine the command as run, for the provider's log; it holds no password, since the
 *                    password only ever travels in the environment
 * @param exitCode    ipmitool's exit code; meaningless when {@code timedOut}
 * @param timedOut    the driver's hard deadline ran out and the process was killed
 */
record IpmitoolResult(String commandLine, int exitCode, String stdout, String stderr, boolean timedOut) {

    /** ipmitool ended by itself with exit code 0. */
    boolean succeeded() {
        return !timedOut && exitCode == 0;
    }
}
