package io.marque.portal.privacy;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an erased customer's data becomes. The values are fixed and carry only ids, so erasing twice
 * writes the same thing again (idempotent) and an erased row can be recognised; the {@code .invalid}
 * top-level domain (RFC 2606) can never receive mail, so nothing is ever sent to an erased address.
 */
public final class Erasure {

    /** The customer's name, and the author name on its messages. */
    public static final String NAME = "Erased customer";

    /** Every message body of an erased customer's tickets. */
    public static final String TEXT = "[erased on request]";

    /** The subject of an erased customer's tickets. */
    public static final String SUBJECT = "[erased]";

    /**
     * A name shorter than this is not searched for in free text (activity details): replacing "Al"
     * everywhere would damage every other entry. Addresses are always searched for.
     */
    static final int SHORTEST_NAME = 4;

    private static final Pattern ERASED = Pattern.compile("erased-(user-)?\\d+@invalid");

    private Erasure() {
    }

    /** The customer's e-mail address after erasure. */
    public static String email(long customerId) {
        return "erased-" + customerId + "@invalid";
    }

    /** A login's e-mail address after erasure: one per user, as addresses are unique per tenant. */
    public static String userEmail(long userId) {
        return "erased-user-" + userId + "@invalid";
    }

    public static boolean isErased(String email) {
        return email != null && ERASED.matcher(email).matches();
    }

    /**
     * The strings to look for in free text: every address as is, names of at least {@link #SHORTEST_NAME}
     * characters; blanks and values already erased left out; longest first, so "Carla Customer" is
     * replaced before "Carla" would be.
     */
    public static List<String> searchValues(Collection<String> addresses, Collection<String> names) {
        Set<String> values = new LinkedHashSet<>();
        for (String address : addresses) {
            if (address != null && !address.isBlank() && !isErased(address.strip())) {
                values.add(address.strip());
            }
        }
        for (String name : names) {
            if (name != null && name.strip().length() >= SHORTEST_NAME && !name.strip().equals(NAME)) {
                values.add(name.strip());
            }
        }
        return values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** {@code text} with every value replaced, ignoring case; null stays null. */
    public static String scrub(String text, List<String> values, String replacement) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String value : values) {
            result = Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(result).replaceAll(Matcher.quoteReplacement(replacement));
        }
        return result;
    }

    /** Whether {@code text} holds one of the values, ignoring case. */
    public static boolean mentions(String text, List<String> values) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return values.stream().anyMatch(v -> lower.contains(v.toLowerCase(Locale.ROOT)));
    }
}
