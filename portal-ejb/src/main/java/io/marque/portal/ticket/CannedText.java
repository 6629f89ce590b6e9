package io.marque.portal.ticket;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the placeholders of a canned reply: {@code {{customer.name}}}, {@code {{ticket.number}}},
 * {@code {{ticket.subject}}} and {@code {{agent.name}}}. An unknown placeholder is left as it is, so a
 * typo shows in the draft instead of vanishing.
 */
public final class CannedText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z.]+)\\s*}}");

    private CannedText() {
    }

    public static String fill(String template, String customerName, long number, String subject, String agentName) {
        Map<String, String> values = Map.of(
                "customer.name", customerName,
                "ticket.number", String.valueOf(number),
                "ticket.subject", subject,
                "agent.name", agentName);
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
