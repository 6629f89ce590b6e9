package io.marque.portal.mail;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a theme's mail or PDF template: {@code #{key}} becomes the tenant's wording for that message
 * key, then {@code ${name}} becomes a value. In HTML every inserted text is escaped, except the
 * values named as raw (an already rendered fragment such as the body inside the layout), so text
 * that came from a user can never become markup.
 */
public final class TemplateText {

    private static final Pattern MESSAGE = Pattern.compile("#\\{([A-Za-z0-9_.-]+)}");
    private static final Pattern VALUE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private TemplateText() {
    }

    public static String render(String template, Map<String, String> values, Set<String> rawValues,
            Function<String, String> messages, boolean html) {
        String withMessages = replace(MESSAGE, template, key -> {
            String text = messages.apply(key);
            return text == null ? key : text;
        });
        // messages may themselves hold ${values}, e.g. "The link expires in ${expiresMinutes} minutes."
        return replace(VALUE, withMessages, name -> {
            String value = values.getOrDefault(name, "");
            return html && !rawValues.contains(name) ? escapeHtml(value) : value;
        });
    }

    private static String replace(Pattern pattern, String text, Function<String, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    public static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
