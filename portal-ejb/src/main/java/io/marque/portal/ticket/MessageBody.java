package io.marque.portal.ticket;

import io.marque.portal.platform.InvalidInputException;

/**
 * The text of a message as it is stored: plain text, never markup. Whatever a user types (script tags
 * included) stays text and is escaped where it is shown: pages, mails and PDFs. On the way in, line
 * ends are unified and characters that have no place in a message are removed: control characters
 * other than tab and newline, and the bidirectional overrides that can make text read differently from
 * what it is.
 */
public final class MessageBody {

    public static final int MAX_LENGTH = 20_000;

    private MessageBody() {
    }

    /** @throws InvalidInputException {@code error.required} when nothing is left, {@code error.message.tooLong} */
    public static String clean(String field, String text) {
        String body = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder kept = new StringBuilder(body.length());
        body.codePoints().filter(MessageBody::allowed).forEach(kept::appendCodePoint);
        String cleaned = kept.toString().strip();
        if (cleaned.codePoints().allMatch(MessageBody::invisible)) {
            throw new InvalidInputException(field, "error.required");
        }
        if (cleaned.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "error.message.tooLong");
        }
        return cleaned;
    }

    /** Spaces of every kind (no-break, zero-width) and format characters: a body of only these says nothing. */
    private static boolean invisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    private static boolean allowed(int c) {
        if (c == '\n' || c == '\t') {
            return true;
        }
        if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0) {
            return false;
        }
        boolean bidiControl = c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
        return !bidiControl && c != 0xfeff;
    }
}
