package io.marque.portal.server;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict parsing of IP address literals typed by people, into one canonical text per address so that
 * equal addresses compare equal.
 *
 * <p>Deliberately not {@link java.net.InetAddress#getByName}: that resolves anything that is not a
 * literal through DNS, which an upload must never cause, and it accepts forms nobody means in an
 * inventory ({@code 10.1}, {@code 010.0.0.1}, IPv6 zone ids).
 */
public final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private IpLiteral() {
    }

    /**
     * An IPv4 address in dotted-quad form, four decimal numbers 0–255 without leading zeros (which some
     * parsers read as octal).
     *
     * @return the address as given, or empty if it is not such a literal
     */
    public static Optional<String> ipv4(String text) {
        if (text == null || !IPV4.matcher(text).matches()) {
            return Optional.empty();
        }
        for (String part : text.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return Optional.empty();
            }
        }
        return Optional.of(text);
    }

    /**
     * An IPv6 address in any of the text forms of RFC 4291 (with {@code ::} and a dotted-quad tail),
     * without brackets, prefix length or zone id.
     *
     * @return the address in the canonical form of RFC 5952 (lower case, no leading zeros, the longest
     *         run of zero groups as {@code ::}), or empty if it is not such a literal
     */
    public static Optional<String> ipv6(String text) {
        return groups(text).map(IpLiteral::canonical);
    }

    private static Optional<int[]> groups(String text) {
        if (text == null || !text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
            return Optional.empty();
        }
        int gap = text.indexOf("::");
        if (gap != text.lastIndexOf("::")) {
            return Optional.empty();
        }
        int[] head;
        int[] tail;
        if (gap < 0) {
            head = parseGroups(text);
            tail = new int[0];
            if (head == null || head.length != 8) {
                return Optional.empty();
            }
        } else {
            head = gap == 0 ? new int[0] : parseGroups(text.substring(0, gap));
            tail = gap + 2 == text.length() ? new int[0] : parseGroups(text.substring(gap + 2));
            // "::" stands for at least one group of zeros
            if (head == null || tail == null || head.length + tail.length > 7) {
                return Optional.empty();
            }
            if (head.length > 0 && text.substring(0, gap).contains(".")) {
                return Optional.empty(); // a dotted quad only at the very end
            }
        }
        int[] groups = new int[8];
        System.arraycopy(head, 0, groups, 0, head.length);
        System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        return Optional.of(groups);
    }

    /** Colon-separated groups, the last of which may be a dotted quad (two groups); null if malformed. */
    private static int[] parseGroups(String text) {
        String[] parts = text.split(":", -1);
        int count = parts.length + (parts[parts.length - 1].contains(".") ? 1 : 0);
        int[] groups = new int[count];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && part.contains(".")) {
                Optional<String> quad = ipv4(part);
                if (quad.isEmpty()) {
                    return null;
                }
                String[] bytes = quad.get().split("\\.");
                groups[i] = Integer.parseInt(bytes[0]) << 8 | Integer.parseInt(bytes[1]);
                groups[i + 1] = Integer.parseInt(bytes[2]) << 8 | Integer.parseInt(bytes[3]);
            } else if (HEX_GROUP.matcher(part).matches()) {
                groups[i] = Integer.parseInt(part, 16);
            } else {
                return null;
            }
        }
        return groups;
    }

    private static String canonical(int[] groups) {
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
