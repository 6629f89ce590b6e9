package io.marque.portal.ticket;

import io.marque.portal.platform.Sha256;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a mail that arrived is tied to a ticket, as far as that can be decided without the database:
 * the ids a mail is known by, the order in which its thread headers are tried, and the ticket number
 * in its subject. {@link MailIntake} asks the database with what this class prepares, so the rules
 * can be tested on their own.
 *
 * <p>Ids are kept as they appear, angle brackets included, because that is how the portal stores
 * the {@code Message-ID} of its own mails. An id longer than the columns that hold ids (254) is kept
 * as a digest of itself, the same way on the way in and when looked up, so a long id still matches.
 */
public final class MailThreading {

    /** The longest id stored as it is; the size of the {@code message_id} and {@code *_message_id} columns. */
    public static final int MAX_ID_LENGTH = 254;

    /** How many thread ids of one mail are looked up at most; real threads name far fewer. */
    public static final int MAX_REFERENCES = 50;

    /** The longest ticket subject ({@code ticket.subject}). */
    public static final int MAX_SUBJECT = 200;

    /** The subject of a ticket opened by a mail that had none. */
    public static final String NO_SUBJECT = "\u2014";

    /** {@code [#123]}, as the ticket mails put it in their subjects. */
    private static final Pattern TAG = Pattern.compile("\\[#(\\d{1,18})\\]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Cc}\\u2028\\u2029]+");
    /** Invisible format characters, among them the bidirectional overrides that make text read backwards. */
    private static final Pattern FORMAT = Pattern.compile("\\p{Cf}");

    private MailThreading() {
    }

    /**
     * The id a mail is stored and de-duplicated under: its {@code Message-ID}, or, when it has none, a
     * digest of its raw bytes, so the same bytes arriving twice are still one mail.
     */
    public static String storedId(String messageId, byte[] raw) {
        if (messageId == null || messageId.isBlank()) {
            return "sha256:" + Sha256.hex(raw);
        }
        return storedId(messageId.strip());
    }

    /** An id as stored: itself, or a digest of itself when it is too long for the columns. */
    public static String storedId(String id) {
        return id.length() <= MAX_ID_LENGTH ? id
                : "sha256:" + Sha256.hex(id);
    }

    /**
     * The ids to look up for a mail's thread, in the order they are tried: {@code In-Reply-To} first
     * (the mail answered), then {@code References}; each once, at most {@link #MAX_REFERENCES}.
     */
    public static List<String> lookupIds(List<String> references) {
        List<String> ids = new ArrayList<>();
        for (String reference : references) {
            if (reference == null || reference.isBlank()) {
                continue;
            }
            String id = storedId(reference.strip());
            if (!ids.contains(id)) {
                ids.add(id);
            }
            if (ids.size() == MAX_REFERENCES) {
                break;
            }
        }
        return ids;
    }

    /**
     * The first of {@code ids} that {@code found} knows, with what it knows it as (a ticket id).
     *
     * @param ids   in the order of {@link #lookupIds}
     * @param found the ids the database knew, each with its ticket
     */
    public static <T> Optional<T> firstKnown(List<String> ids, Map<String, T> found) {
        for (String id : ids) {
            T value = found.get(id);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The ticket number of the first {@code [#number]} in a subject, if there is one. */
    public static OptionalLong subjectNumber(String subject) {
        if (subject == null) {
            return OptionalLong.empty();
        }
        Matcher tag = TAG.matcher(subject);
        while (tag.find()) {
            long number = Long.parseLong(tag.group(1));
            if (number > 0) {
                return OptionalLong.of(number);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The subject of a ticket opened by mail: the mail's subject on one line, without control
     * characters, at most {@link #MAX_SUBJECT} characters; {@link #NO_SUBJECT} when nothing is left.
     */
    public static String ticketSubject(String mailSubject) {
        String subject = mailSubject == null ? ""
                : SPACES.matcher(FORMAT.matcher(mailSubject).replaceAll("")).replaceAll(" ").strip();
        if (subject.length() > MAX_SUBJECT) {
            int end = MAX_SUBJECT;
            if (Character.isHighSurrogate(subject.charAt(end - 1))) {
                end--;
            }
            subject = subject.substring(0, end).strip();
        }
        return subject.isEmpty() ? NO_SUBJECT : subject;
    }
}
