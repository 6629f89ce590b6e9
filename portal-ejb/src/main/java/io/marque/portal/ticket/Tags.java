package io.marque.portal.ticket;

import io.marque.portal.platform.InvalidInputException;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Ticket tags: short lower-case words a reseller's staff use to group tickets ("billing", "dns"). */
public final class Tags {

    /** letters with their combining marks (Hindi vowel signs, decomposed accents), digits, _ and - */
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{M}\\p{N}_-]{1,32}");
    public static final int MAX_TAGS = 10;

    private Tags() {
    }

    public static String normalise(String tag) {
        return Normalizer.normalize(tag.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    /**
     * The tags in a text typed by an agent (separated by spaces or commas), de-duplicated in order.
     *
     * @throws InvalidInputException {@code error.tags.invalid} for a tag with other characters, too long, or too many
     */
    public static Set<String> parse(String text) {
        Set<String> tags = new LinkedHashSet<>();
        if (text == null) {
            return tags;
        }
        for (String part : text.split("[\\s,]+")) {
            if (part.isBlank()) {
                continue;
            }
            String tag = normalise(part);
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidInputException("tags", "error.tags.invalid");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "error.tags.invalid");
        }
        return tags;
    }

    public static String format(Set<String> tags) {
        return String.join(" ", tags);
    }

}
