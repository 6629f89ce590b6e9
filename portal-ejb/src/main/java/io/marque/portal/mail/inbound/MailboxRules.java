package io.marque.portal.mail.inbound;

import io.marque.portal.platform.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks on what a reseller admin enters for its mailbox: mail server names (RFC 1123 host names
 * or IPv4 addresses), ports, the IMAP folder, user names and passwords. Each refusal is an
 * {@link InvalidInputException} on the field with a message key.
 */
public final class MailboxRules {

    public static final int MAX_HOST_LENGTH = 253;
    public static final int MAX_USER_LENGTH = 254;
    public static final int MAX_FOLDER_LENGTH = 120;
    /** Characters: at most 600 bytes of UTF-8, whose encrypted form fits the 1000-character column. */
    public static final int MAX_PASSWORD_LENGTH = 200;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern IPV4_PART = Pattern.compile("0|[1-9][0-9]{0,2}");
    /**
     * Letters and digits of any script, spaces and the punctuation real folder names use; never the IMAP
     * wildcards {@code *} and {@code %}, quotes or backslashes.
     */
    private static final Pattern FOLDER = Pattern.compile("[\\p{L}\\p{N} ._\\-/&+()\\[\\]#@,']+");

    private MailboxRules() {
    }

    /**
     * A mail server's name, lower-cased and without a trailing dot; null for a blank value (none set).
     *
     * @throws InvalidInputException {@code error.host.invalid}
     */
    public static String host(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String host = value.strip().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (!isHostName(host)) {
            throw new InvalidInputException(field, "error.host.invalid");
        }
        return host;
    }

    /** Whether {@code host} is an RFC 1123 host name; one whose last label is numeric must be an IPv4 address. */
    public static boolean isHostName(String host) {
        if (host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
            return false;
        }
        String[] labels = host.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        if (!ALL_DIGITS.matcher(labels[labels.length - 1]).matches()) {
            return true;
        }
        if (labels.length != 4) {
            return false;
        }
        for (String part : labels) {
            if (!IPV4_PART.matcher(part).matches() || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** @throws InvalidInputException {@code error.port.invalid} unless 1 to 65535 */
    public static int port(String field, Integer value) {
        if (value == null || value < 1 || value > 65535) {
            throw new InvalidInputException(field, "error.port.invalid");
        }
        return value;
    }

    /**
     * An IMAP folder name; blank means {@code INBOX}. Levels are separated by {@code /} (or {@code .},
     * as the server has it); an empty level is refused.
     *
     * @throws InvalidInputException {@code error.folder.invalid}
     */
    public static String folder(String field, String value) {
        if (value == null || value.isBlank()) {
            return Mailbox.DEFAULT_FOLDER;
        }
        String folder = value.strip();
        if (folder.length() > MAX_FOLDER_LENGTH || !FOLDER.matcher(folder).matches() || folder.startsWith("/")
                || folder.endsWith("/") || folder.contains("//")) {
            throw new InvalidInputException(field, "error.folder.invalid");
        }
        return folder;
    }

    /**
     * A user name for a mail server: printable, without spaces; null for a blank value.
     *
     * @throws InvalidInputException {@code error.text.invalid}
     */
    public static String user(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String user = value.strip();
        if (user.length() > MAX_USER_LENGTH || user.codePoints().anyMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new InvalidInputException(field, "error.text.invalid");
        }
        return user;
    }

    /**
     * A new password as typed, or null when the field was left empty (keep the stored one). Passwords
     * are taken as they are, spaces included, but without control characters.
     *
     * @throws InvalidInputException {@code error.text.invalid}
     */
    public static String password(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_PASSWORD_LENGTH || value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "error.text.invalid");
        }
        return value;
    }
}
