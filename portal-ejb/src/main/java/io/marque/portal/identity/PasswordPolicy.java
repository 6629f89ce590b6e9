package io.marque.portal.identity;

import io.marque.portal.platform.InvalidInputException;

/** The one rule for new passwords: long enough, not absurdly long, not the e-mail address. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    private PasswordPolicy() {
    }

    /** @throws InvalidInputException with a message key for the field {@code password} */
    public static void check(String field, char[] password, String email) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new InvalidInputException(field, "error.password.tooShort");
        }
        if (password.length > MAX_LENGTH) {
            throw new InvalidInputException(field, "error.password.tooLong");
        }
        if (email != null && new String(password).equalsIgnoreCase(email)) {
            throw new InvalidInputException(field, "error.password.isEmail");
        }
    }
}
