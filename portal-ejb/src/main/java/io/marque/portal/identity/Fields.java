package io.marque.portal.identity;

import io.marque.portal.platform.InvalidInputException;
import java.util.regex.Pattern;

/** Checks shared by the forms that take names and e-mail addresses. */
public final class Fields {

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

    private Fields() {
    }

    /** E-mail addresses are stored and compared trimmed and in lower case. */
    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public static String email(String field, String value) {
        String email = value == null ? "" : normaliseEmail(value);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException(field, "error.email.invalid");
        }
        return email;
    }

    /** A required single-line text of at most {@code max} characters, trimmed. */
    public static String text(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(field, "error.required");
        }
        if (text.length() > max || text.chars().anyMatch(c -> c < 0x20)) {
            throw new InvalidInputException(field, "error.text.invalid");
        }
        return text;
    }

    /** An optional single-line text; blank becomes {@code null}. */
    public static String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? null : text(field, value, max);
    }

    /** An optional text of several lines (notes, evidence); blank becomes {@code null}. */
    public static String optionalMultiline(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().replace("\r\n", "\n");
        if (text.length() > max || text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            throw new InvalidInputException(field, "error.text.invalid");
        }
        return text;
    }
}
