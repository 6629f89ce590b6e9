package io.marque.portal.platform;

import java.util.Locale;

/**
 * The few pieces of SVG the server-side charts write (traffic graphs, dashboard charts): lines and text
 * with a CSS class (colours come from the theme's stylesheet), coordinates with one decimal whatever the
 * locale, and text escaped so that any name keeps the document well-formed.
 */
public final class Svg {

    private Svg() {
    }

    public static void line(StringBuilder svg, String cssClass, double x1, double y1, double x2, double y2) {
        svg.append("<line class=\"").append(cssClass).append("\" x1=\"").append(coordinate(x1)).append("\" y1=\"")
                .append(coordinate(y1)).append("\" x2=\"").append(coordinate(x2)).append("\" y2=\"")
                .append(coordinate(y2)).append("\"/>");
    }

    public static void text(StringBuilder svg, String cssClass, double x, double y, String anchor, String dy,
            String text) {
        svg.append("<text class=\"").append(cssClass).append("\" x=\"").append(coordinate(x)).append("\" y=\"")
                .append(coordinate(y)).append("\" text-anchor=\"").append(anchor).append('"');
        if (dy != null) {
            svg.append(" dy=\"").append(dy).append('"');
        }
        svg.append('>').append(escape(text)).append("</text>");
    }

    public static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * Text fit for XML content and attribute values: markup characters as entities, and characters XML
     * cannot hold (control characters, lone surrogates) as U+FFFD, so any name or title keeps the SVG well-formed.
     */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
                    escaped.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        });
        return escaped.toString();
    }
}
