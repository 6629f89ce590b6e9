package io.marque.portal.ticket;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Reply-To} of a ticket's mails: the reseller's support address with the ticket's reply
 * token as a sub-address ({@code support+t4kq…@acme.example}), so an answer by mail finds its ticket
 * even when the mail program drops the thread headers. Only the reseller's domain appears.
 */
public final class ReplyAddress {

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]{16,40}");

    private ReplyAddress() {
    }

    public static String of(String supportAddress, String token) {
        int at = supportAddress.lastIndexOf('@');
        return supportAddress.substring(0, at) + "+" + token + supportAddress.substring(at);
    }

    /** The token in {@code address} if it is {@code supportAddress} with a token sub-address. */
    public static Optional<String> tokenIn(String address, String supportAddress) {
        String candidate = address.toLowerCase(Locale.ROOT);
        String support = supportAddress.toLowerCase(Locale.ROOT);
        int at = support.lastIndexOf('@');
        String local = support.substring(0, at);
        String domain = support.substring(at);
        if (!candidate.startsWith(local + "+") || !candidate.endsWith(domain)) {
            return Optional.empty();
        }
        String token = candidate.substring(local.length() + 1, candidate.length() - domain.length());
        Matcher matcher = TOKEN.matcher(token);
        return matcher.matches() ? Optional.of(token) : Optional.empty();
    }
}
