package io.marque.portal.mail.inbound;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns the HTML body of a mail into plain text for a ticket message, without the quoted history.
 *
 * <p>Many clients send HTML only, and a ticket keeps plain text: it is shown escaped, so nothing a
 * sender writes can become markup on the portal. Line breaks follow the blocks of the page
 * ({@code br}, {@code p}, {@code div}, {@code li}, {@code tr}, headings), list items start with
 * {@code "- "}, and a link shows its address in brackets when its text says something else, so a
 * reader can see where a link really leads. Script, style and other content that a browser never
 * shows as text is dropped, and entities are decoded.
 *
 * <p>Quoted history is recognised by the markup clients wrap it in, which is far more reliable
 * than guessing from text: {@code blockquote} (Apple Mail, Thunderbird), class {@code gmail_quote}
 * (Gmail), {@code yahoo_quoted} (Yahoo), {@code moz-cite-prefix} (Thunderbird's "wrote:" line),
 * id {@code divRplyFwdMsg} (Outlook's header block), and everything after
 * {@code <div id="appendonsend">}, below which Outlook puts the whole previous message. More than
 * two blank lines in a row become two.
 */
public final class HtmlText {

    private static final String NEVER_TEXT =
            "head, script, style, noscript, template, title, iframe, object, embed, svg, math, select";
    private static final String QUOTED_HISTORY =
            "blockquote, .gmail_quote, .yahoo_quoted, .moz-cite-prefix, #divRplyFwdMsg";
    private static final String OUTLOOK_HISTORY_START = "appendonsend";

    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre");
    private static final Set<String> LINES = Set.of("div", "li", "tr", "table", "ul", "ol", "dl", "dt", "dd",
            "address", "article", "aside", "center", "details", "figure", "figcaption", "footer", "form", "header",
            "hr", "main", "nav", "section", "summary", "caption", "fieldset");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\\n");
    private static final Pattern TOO_MANY_BLANK_LINES = Pattern.compile("\\n{4,}");

    private HtmlText() {
    }

    /**
     * Converts a mail's HTML to plain text.
     *
     * @param html the HTML body; may be null
     * @return the text with {@code \n} line breaks, trimmed; {@code ""} for null or empty input
     */
    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parse(html);
        Element outlookHistory = document.getElementById(OUTLOOK_HISTORY_START);
        if (outlookHistory != null) {
            removeWithEverythingAfter(outlookHistory);
        }
        document.select(NEVER_TEXT).remove();
        document.select(QUOTED_HISTORY).remove();

        TextWriter writer = new TextWriter();
        NodeTraversor.traverse(writer, document.body());
        String text = TRAILING_SPACE.matcher(writer.out.toString().replace('\u00A0', ' ') + "\n").replaceAll("\n");
        return TOO_MANY_BLANK_LINES.matcher(text).replaceAll("\n\n\n").strip();
    }

    private static void removeWithEverythingAfter(Element start) {
        for (Node node = start; node != null && !"body".equals(node.nodeName()) && !(node instanceof Document);
                node = node.parent()) {
            while (node.nextSibling() != null) {
                node.nextSibling().remove();
            }
        }
        start.remove();
    }

    /** Writes text while the document is walked; breaks never pile up beyond what blocks ask for. */
    private static final class TextWriter implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        private final Deque<Integer> linkStarts = new ArrayDeque<>();
        private int lists;
        private int preformatted;
        /** Where the text of the current list item begins, so a paragraph inside it adds no break. */
        private int itemStart = -1;
        /** Where the current list item's line begins, to take back the prefix of an empty item. */
        private int itemLineStart = -1;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                write(text.getWholeText());
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String name = element.normalName();
            switch (name) {
                case "br" -> out.append('\n');
                case "ul", "ol" -> {
                    lineBreak();
                    lists++;
                }
                case "li" -> {
                    lineBreak();
                    itemLineStart = out.length();
                    out.append("  ".repeat(Math.max(0, lists - 1))).append("- ");
                    itemStart = out.length();
                }
                case "td", "th" -> {
                    if (!atLineStart() && out.charAt(out.length() - 1) != ' ') {
                        out.append(' ');
                    }
                }
                case "a" -> linkStarts.push(out.length());
                default -> {
                    if (PARAGRAPHS.contains(name)) {
                        blankLine();
                    } else if (LINES.contains(name)) {
                        lineBreak();
                    }
                }
            }
            if ("pre".equals(name)) {
                preformatted++;
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            String name = element.normalName();
            if ("a".equals(name)) {
                showAddress(element, linkStarts.pop());
                return;
            }
            if ("ul".equals(name) || "ol".equals(name)) {
                lists--;
            }
            if ("li".equals(name) && out.length() == itemStart) {
                out.setLength(itemLineStart);
                itemStart = -1;
            }
            if ("pre".equals(name)) {
                preformatted--;
            }
            if (PARAGRAPHS.contains(name)) {
                blankLine();
            } else if (LINES.contains(name)) {
                lineBreak();
            }
        }

        private void write(String text) {
            if (preformatted > 0) {
                out.append(text);
                return;
            }
            String collapsed = WHITESPACE.matcher(text).replaceAll(" ");
            if (collapsed.startsWith(" ") && (atLineStart() || out.charAt(out.length() - 1) == ' ')) {
                collapsed = collapsed.substring(1);
            }
            out.append(collapsed);
        }

        private void showAddress(Element link, int start) {
            String href = link.attr("href").strip();
            String text = out.substring(start).strip();
            if (!isShownAddress(href) || sameAddress(text, href)) {
                return;
            }
            if (text.isEmpty()) {
                write(href);
            } else {
                out.append(" (").append(href).append(')');
            }
        }

        private boolean atLineStart() {
            return out.length() == 0 || out.charAt(out.length() - 1) == '\n' || out.length() == itemStart;
        }

        private void lineBreak() {
            while (out.length() > 0 && out.charAt(out.length() - 1) == ' ' && out.length() != itemStart) {
                out.setLength(out.length() - 1);
            }
            if (!atLineStart()) {
                out.append('\n');
            }
        }

        private void blankLine() {
            lineBreak();
            if (out.length() > 0 && out.length() != itemStart && !endsWith("\n\n")) {
                out.append('\n');
            }
        }

        private boolean endsWith(String suffix) {
            return out.length() >= suffix.length() && out.substring(out.length() - suffix.length()).equals(suffix);
        }
    }

    /** Only addresses a reader can follow are shown; {@code javascript:} and relative links are not. */
    private static boolean isShownAddress(String href) {
        String lower = href.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")
                || lower.startsWith("ftp://");
    }

    private static boolean sameAddress(String text, String href) {
        return comparable(text).equals(comparable(href));
    }

    private static String comparable(String address) {
        String s = address.strip().toLowerCase(Locale.ROOT).replaceFirst("^(?:mailto:|https?://|ftp://)", "");
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
