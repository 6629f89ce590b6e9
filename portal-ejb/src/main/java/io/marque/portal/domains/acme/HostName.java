package io.marque.portal.domains.acme;

import java.util.regex.Pattern;

/**
 * The one rule for the host names this package takes: a plain lower-case DNS name (letters, digits and
 * hyphens in labels of at most 63 characters that neither start nor end with a hyphen, dots between,
 * at most 253 characters, no final dot, not all digits in the last label). It is what a CA issues an HTTP-01 certificate for (no
 * wildcard, no address), and as a file name it cannot leave its directory: no '/', no '..', no empty
 * label. Upper-case is refused rather than folded, so a caller that forgot to normalise finds out here
 * and not in a file name that nginx never asks for.
 */
final class HostName {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private HostName() {
    }

    static boolean isPlain(String host) {
        if (host == null || host.isEmpty() || host.length() > 253) {
            return false;
        }
        String[] labels = host.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit); // 192.0.2.1 is an address
    }

    /** @throws IllegalArgumentException naming the host when it is not a plain lower-case DNS name */
    static String require(String host) {
        if (!isPlain(host)) {
            throw new IllegalArgumentException("Not a plain lower-case DNS host name: " + host);
        }
        return host;
    }
}
