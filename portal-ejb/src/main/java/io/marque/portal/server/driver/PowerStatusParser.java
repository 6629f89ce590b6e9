package io.marque.portal.server.driver;

import java.util.Optional;

/** Reads {@code chassis power status}: {@code Chassis Power is on} or {@code Chassis Power is off}. */
final class PowerStatusParser {

    private static final String PREFIX = "Chassis Power is ";

    private PowerStatusParser() {
    }

    /** The state, or empty when the output is not a power status. */
    static Optional<PowerState> parse(String stdout) {
        for (String line : stdout.split("\\R")) {
            String text = line.strip();
            if (text.startsWith(PREFIX)) {
                String word = text.substring(PREFIX.length()).strip();
                if (word.equalsIgnoreCase("on")) {
                    return Optional.of(PowerState.ON);
                }
                if (word.equalsIgnoreCase("off")) {
                    return Optional.of(PowerState.OFF);
                }
            }
        }
        return Optional.empty();
    }
}
