package io.marque.portal.server;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host names as DNS knows them (RFC 1123): labels of letters, digits and hyphens, 1–63 characters,
 * not starting or ending with a hyphen, at most 253 characters in all. An internationalised name is
 * given in its ASCII ({@code xn--}) form. A name whose last label is all digits is refused so that a
 * mistyped address such as {@code 10.0.0.256} is not taken for a name.
 */
public final class HostName {

    /** The longest host name DNS can carry, without the final dot. */
    public static final int MAX_LENGTH = 253;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private HostName() {
    }

    /** @return the name in lower case, or empty if it is not a valid host name */
    public static Optional<String> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH || !text.chars().allMatch(c -> c < 0x80)) {
            // ASCII first: lower-casing could turn a look-alike such as the Kelvin sign into a letter
            return Optional.empty();
        }
        String name = text.toLowerCase(Locale.ROOT);
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        if (labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(name);
    }
}
