package io.marque.portal.report;

import static io.marque.portal.platform.Svg.coordinate;
import static io.marque.portal.platform.Svg.escape;
import static io.marque.portal.platform.Svg.line;
import static io.marque.portal.platform.Svg.text;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Draws a dashboard's figures as a self-contained SVG to put inline into a page: {@link #bars} (one bar
 * per label, e.g. revenue per month or per reseller) and {@link #lines} (a few series over the same
 * labels, e.g. direct against reseller revenue per month). The scale starts at zero, includes every
 * value (negative ones too: a month of refunds) and steps in round numbers; when every value is a whole
 * number the steps are whole too, so a count of customers never shows "2.5".
 *
 * <p>Like {@link io.marque.portal.server.traffic.TrafficChart} the SVG carries no colour, font, style,
 * script or outside reference — the content security policy allows none — and the theme colours it from
 * its CSS variables through these classes:
 * <ul>
 *   <li>{@code report-chart} on the root;</li>
 *   <li>{@code chart-bar}, {@code chart-line}, {@code chart-point} and {@code chart-swatch} (a legend's
 *       sample line), each with {@code chart-series-N} (N from 0) naming its colour, and
 *       {@code chart-negative} on a bar below zero;</li>
 *   <li>{@code chart-axis}, {@code chart-grid} and {@code chart-zero} (the zero line when the scale goes
 *       below it) on lines;</li>
 *   <li>{@code chart-label} on all text, with {@code chart-x-label}, {@code chart-y-label},
 *       {@code chart-legend} or {@code chart-empty} beside it.</li>
 * </ul>
 * Every bar and point has a {@code <title>} with its label and value (what a pointer shows, and what a
 * screen reader reads). Every text is escaped, so a reseller's name like {@code <b>&Co} is drawn as
 * written. Without data the chart is an empty frame with the caller's "nothing yet" text, never bars of
 * zero height that look like a bad month.
 *
 * <pre>{@code
 * String svg = Chart.bars(List.of(new Chart.Bar("Jan", new BigDecimal("120.00"), 0)),
 *         new Chart.Text("Revenue, EUR", "No revenue yet", locale, v -> Ui.exactMoney(v, "EUR", locale)));
 * }</pre>
 */
public final class Chart {

    /**
     * One bar.
     *
     * @param label  the text under it; shortened to fit, in full in its title
     * @param value  its height
     * @param series which colour it has ({@code chart-series-N})
     */
    public record Bar(String label, BigDecimal value, int series) {

        public Bar {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            if (series < 0) {
                throw new IllegalArgumentException("series " + series);
            }
        }
    }

    /**
     * One line: a value per label, null where there is none.
     *
     * @param name   its legend
     * @param values one per label of the chart
     */
    public record Series(String name, List<BigDecimal> values) {

        public Series {
            Objects.requireNonNull(name, "name");
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /**
     * The words of a chart and how its numbers are written.
     *
     * @param title  the chart's accessible name, e.g. "Revenue per month, EUR"
     * @param noData shown instead of data when there is none
     * @param locale how the scale's numbers are written
     * @param value  how a value is written in a bar's or point's title, e.g. as money
     */
    public record Text(String title, String noData, Locale locale, Function<BigDecimal, String> value) {

        public Text {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(noData, "noData");
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(value, "value");
        }
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 280;
    static final double LEFT = 72;
    static final double RIGHT = 704;
    static final double TOP = 40;
    static final double BOTTOM = 244;
    /** Room for one character of an axis label, at the theme's 11 px. */
    private static final double CHAR_WIDTH = 6.5;

    /** The vertical scale: from {@code bottom} (zero or below) to {@code top} (zero or above), a tick every {@code step}. */
    record Scale(double bottom, double top, double step) {

        static Scale of(double min, double max, boolean whole) {
            double low = Math.min(min, 0);
            double high = Math.max(max, 0);
            if (high == low) {
                high = low + 1;
            }
            double raw = (high - low) / 4;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = 10 * magnitude;
            double[] nice = whole ? new double[] {1, 2, 5} : new double[] {1, 2, 2.5, 5};
            for (double candidate : nice) {
                if (candidate * magnitude >= raw * (1 - 1e-9)) {
                    step = candidate * magnitude;
                    break;
                }
            }
            if (whole) {
                step = Math.max(1, Math.round(step));
            }
            double top = high > 0 ? step * Math.ceil(high / step - 1e-9) : 0;
            double bottom = low < 0 ? -step * Math.ceil(-low / step - 1e-9) : 0;
            return new Scale(bottom, top, step);
        }

        double y(double value) {
            return BOTTOM - (BOTTOM - TOP) * (value - bottom) / (top - bottom);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            long count = Math.round((top - bottom) / step);
            for (long i = 0; i <= count; i++) {
                ticks.add(bottom + i * step);
            }
            return ticks;
        }
    }

    private Chart() {
    }

    /**
     * @param bars the bars, left to right; none draws the empty state
     * @param text the chart's words
     * @return an {@code <svg>} element, well-formed XML
     */
    public static String bars(List<Bar> bars, Text text) {
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(text, "text");
        StringBuilder svg = open(text.title());
        if (bars.isEmpty()) {
            return empty(svg, text);
        }
        List<BigDecimal> values = bars.stream().map(Bar::value).toList();
        Scale scale = scale(values);
        yAxis(svg, scale, text.locale());

        double slot = (RIGHT - LEFT) / bars.size();
        double width = Math.min(slot * 0.7, 56);
        int every = labelEvery(bars.size());
        double zero = scale.y(0);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double x = LEFT + slot * i + (slot - width) / 2;
            double y = scale.y(bar.value().doubleValue());
            boolean negative = bar.value().signum() < 0;
            svg.append("<rect class=\"chart-bar chart-series-").append(bar.series()).append(negative ? " chart-negative" : "")
                    .append("\" x=\"").append(coordinate(x)).append("\" y=\"").append(coordinate(Math.min(y, zero)))
                    .append("\" width=\"").append(coordinate(width)).append("\" height=\"")
                    .append(coordinate(Math.abs(zero - y))).append("\"><title>")
                    .append(escape(bar.label() + ": " + text.value().apply(bar.value()))).append("</title></rect>");
            if (i % every == 0) {
                text(svg, "chart-label chart-x-label", LEFT + slot * (i + 0.5), BOTTOM + 16, "middle", null,
                        shortened(bar.label(), slot * every));
            }
        }
        axes(svg, scale);
        return svg.append("</svg>").toString();
    }

    /**
     * @param labels the labels along the bottom, left to right
     * @param series the lines, each with one value per label; none (or no value at all) draws the empty state
     * @param text   the chart's words
     * @return an {@code <svg>} element, well-formed XML
     */
    public static String lines(List<String> labels, List<Series> series, Text text) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(text, "text");
        for (Series line : series) {
            if (line.values().size() != labels.size()) {
                throw new IllegalArgumentException(line.values().size() + " values for " + labels.size() + " labels");
            }
        }
        StringBuilder svg = open(text.title());
        List<BigDecimal> values = series.stream().flatMap(s -> s.values().stream()).filter(Objects::nonNull).toList();
        if (labels.isEmpty() || values.isEmpty()) {
            return empty(svg, text);
        }
        Scale scale = scale(values);
        yAxis(svg, scale, text.locale());
        double slot = (RIGHT - LEFT) / labels.size();
        int every = labelEvery(labels.size());
        for (int i = 0; i < labels.size(); i += every) {
            text(svg, "chart-label chart-x-label", LEFT + slot * (i + 0.5), BOTTOM + 16, "middle", null,
                    shortened(labels.get(i), slot * every));
        }
        axes(svg, scale);

        double legendX = LEFT + 8;
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            svg.append("<line class=\"chart-swatch chart-series-").append(s).append("\" x1=\"").append(coordinate(legendX))
                    .append("\" y1=\"").append(coordinate(TOP - 20)).append("\" x2=\"").append(coordinate(legendX + 20))
                    .append("\" y2=\"").append(coordinate(TOP - 20)).append("\"/>");
            String legend = shortened(line.name(), 260);
            text(svg, "chart-label chart-legend", legendX + 26, TOP - 20, "start", "0.35em", legend);
            legendX += 26 + legend.codePointCount(0, legend.length()) * CHAR_WIDTH + 24;
        }
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            StringBuilder points = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < labels.size(); i++) {
                BigDecimal value = line.values().get(i);
                if (value == null) {
                    continue;
                }
                double x = LEFT + slot * (i + 0.5);
                double y = scale.y(value.doubleValue());
                if (!points.isEmpty()) {
                    points.append(' ');
                }
                points.append(coordinate(x)).append(',').append(coordinate(y));
                dots.append("<circle class=\"chart-point chart-series-").append(s).append("\" cx=\"").append(coordinate(x))
                        .append("\" cy=\"").append(coordinate(y)).append("\" r=\"3\"><title>")
                        .append(escape(line.name() + ", " + labels.get(i) + ": " + text.value().apply(value)))
                        .append("</title></circle>");
            }
            svg.append("<polyline class=\"chart-line chart-series-").append(s).append("\" points=\"").append(points)
                    .append("\"/>").append(dots);
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-chart\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        return svg;
    }

    private static String empty(StringBuilder svg, Text text) {
        line(svg, "chart-axis", LEFT, BOTTOM, RIGHT, BOTTOM);
        line(svg, "chart-axis", LEFT, TOP, LEFT, BOTTOM);
        text(svg, "chart-label chart-empty", (LEFT + RIGHT) / 2, (TOP + BOTTOM) / 2, "middle", "0.35em", text.noData());
        return svg.append("</svg>").toString();
    }

    private static Scale scale(List<BigDecimal> values) {
        double min = values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        boolean whole = values.stream().allMatch(v -> v.stripTrailingZeros().scale() <= 0);
        return Scale.of(min, max, whole);
    }

    /** Grid lines and numbers at every step; the numbers in the reader's language. */
    private static void yAxis(StringBuilder svg, Scale scale, Locale locale) {
        NumberFormat numbers = NumberFormat.getNumberInstance(locale);
        numbers.setMaximumFractionDigits(2);
        for (double tick : scale.ticks()) {
            double y = scale.y(tick);
            if (tick != scale.bottom()) {
                line(svg, "chart-grid", LEFT, y, RIGHT, y);
            }
            text(svg, "chart-label chart-y-label", LEFT - 6, y, "end", "0.35em", numbers.format(tick == 0 ? 0 : tick));
        }
    }

    private static void axes(StringBuilder svg, Scale scale) {
        line(svg, "chart-axis", LEFT, BOTTOM, RIGHT, BOTTOM);
        line(svg, "chart-axis", LEFT, TOP, LEFT, BOTTOM);
        if (scale.bottom() < 0) {
            line(svg, "chart-zero", LEFT, scale.y(0), RIGHT, scale.y(0));
        }
    }

    /** Every how many labels one is written, so that they do not run into each other. */
    static int labelEvery(int count) {
        int room = (int) Math.floor((RIGHT - LEFT) / 44);
        return Math.max(1, (int) Math.ceil((double) count / room));
    }

    /** The label cut to the room it has, with an ellipsis; whole code points, so no half of a pair is left. */
    static String shortened(String label, double room) {
        int fits = Math.max(3, (int) Math.floor(room / CHAR_WIDTH));
        int length = label.codePointCount(0, label.length());
        if (length <= fits) {
            return label;
        }
        return label.substring(0, label.offsetByCodePoints(0, fits - 1)) + "…";
    }
}
