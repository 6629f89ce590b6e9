package io.marque.portal.server.traffic;

import static io.marque.portal.platform.Svg.coordinate;
import static io.marque.portal.platform.Svg.escape;
import static io.marque.portal.platform.Svg.line;
import static io.marque.portal.platform.Svg.text;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Draws a {@link TrafficSeries} as a self-contained SVG to put inline into a page: the average rate
 * in and out per bucket as two lines, a scale in kbit/s, Mbit/s or Gbit/s, and time labels in the
 * reader's language and zone.
 *
 * <p>The SVG carries no colour, font, script or outside reference: the portal's content security
 * policy allows none, and every tenant's theme gives it its own look through these classes:
 * <ul>
 *   <li>{@code traffic-chart} on the root;</li>
 *   <li>{@code traffic-in}, {@code traffic-out} on the two polylines and their legend swatches (give
 *       them {@code fill: none} and a stroke; SVG's defaults are a black fill and no stroke);</li>
 *   <li>{@code traffic-axis}, {@code traffic-grid} on lines;</li>
 *   <li>{@code traffic-label} on all text, with {@code traffic-unit}, {@code traffic-y-label},
 *       {@code traffic-x-label}, {@code traffic-legend} or {@code traffic-empty} beside it.</li>
 * </ul>
 * A {@code viewBox} without width or height lets it fill its container. A series without samples is
 * drawn as an empty frame with the caller's "nothing recorded" text instead of a line at zero, so a
 * new server does not look idle.
 *
 * <pre>{@code
 * String svg = TrafficChart.svg(series, server.hostname(),
 *         new TrafficChart.Labels(msg("traffic.in"), msg("traffic.out"), msg("traffic.empty")),
 *         locale, zone);
 * }</pre>
 */
public final class TrafficChart {

    /**
     * The words of a chart in the reader's language.
     *
     * @param received    the legend of the incoming line, e.g. "In"
     * @param transmitted the legend of the outgoing line, e.g. "Out"
     * @param noData      shown instead of lines when nothing was recorded, e.g. "No traffic recorded yet"
     */
    public record Labels(String received, String transmitted, String noData) {

        public Labels {
            Objects.requireNonNull(received, "received");
            Objects.requireNonNull(transmitted, "transmitted");
            Objects.requireNonNull(noData, "noData");
        }
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final double LEFT = 64;
    private static final double RIGHT = 624;
    private static final double TOP = 40;
    private static final double BOTTOM = 228;

    /** The vertical scale: {@code top} bit/s at the upper edge, a tick every {@code step}, shown in {@code unit}. */
    record Scale(double top, double step, String unit, double unitBits) {

        static Scale of(double peakBitsPerSecond) {
            double peak = Math.max(peakBitsPerSecond, 1000);
            double raw = peak / 4;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = 10 * magnitude;
            for (double nice : new double[] {1, 2, 2.5, 5}) {
                if (nice * magnitude >= raw * (1 - 1e-9)) {
                    step = nice * magnitude;
                    break;
                }
            }
            double top = step * Math.ceil(peak / step - 1e-9);
            if (top >= 1e9) {
                return new Scale(top, step, "Gbit/s", 1e9);
            }
            if (top >= 1e6) {
                return new Scale(top, step, "Mbit/s", 1e6);
            }
            return new Scale(top, step, "kbit/s", 1e3);
        }
    }

    private TrafficChart() {
    }

    /**
     * @param series the traffic to draw
     * @param title  the chart's accessible name, e.g. the server's host name; any text, it is escaped
     * @param labels the chart's words in the reader's language
     * @param locale how numbers, hours and dates are written
     * @param zone   the reader's zone, for the time labels
     * @return an {@code <svg>} element, well-formed XML
     */
    public static String svg(TrafficSeries series, String title, Labels labels, Locale locale, ZoneId zone) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(zone, "zone");
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"traffic-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(escape(title)).append("\">");
        svg.append("<title>").append(escape(title)).append("</title>");

        TrafficRange range = series.range();
        Instant from = series.start();
        Instant to = from.plus(range.length());
        for (Instant at : gridTimes(range, from, to, zone)) {
            line(svg, "traffic-grid", x(from, to, at), TOP, x(from, to, at), BOTTOM);
        }
        for (TimeLabel label : timeLabels(range, from, to, zone, locale)) {
            text(svg, "traffic-label traffic-x-label", x(from, to, label.at()), BOTTOM + 18, "middle", null,
                    label.text());
        }

        if (series.isEmpty()) {
            axes(svg);
            text(svg, "traffic-label traffic-empty", (LEFT + RIGHT) / 2, (TOP + BOTTOM) / 2, "middle", "0.35em",
                    labels.noData());
            return svg.append("</svg>").toString();
        }

        Scale scale = Scale.of(series.peakMbps() * 1e6);
        NumberFormat numbers = NumberFormat.getNumberInstance(locale);
        numbers.setMaximumFractionDigits(3);
        int ticks = (int) Math.round(scale.top() / scale.step());
        for (int i = 0; i <= ticks; i++) {
            double y = BOTTOM - (BOTTOM - TOP) * i / ticks;
            if (i > 0) {
                line(svg, "traffic-grid", LEFT, y, RIGHT, y);
            }
            text(svg, "traffic-label traffic-y-label", LEFT - 6, y, "end", "0.35em",
                    numbers.format(i * scale.step() / scale.unitBits()));
        }
        text(svg, "traffic-label traffic-unit", LEFT - 6, TOP - 18, "end", "0.35em", scale.unit());
        axes(svg);

        line(svg, "traffic-in", LEFT + 8, TOP - 18, LEFT + 28, TOP - 18);
        text(svg, "traffic-label traffic-legend", LEFT + 34, TOP - 18, "start", "0.35em", labels.received());
        line(svg, "traffic-out", LEFT + 168, TOP - 18, LEFT + 188, TOP - 18);
        text(svg, "traffic-label traffic-legend", LEFT + 194, TOP - 18, "start", "0.35em", labels.transmitted());

        polyline(svg, "traffic-in", series, scale, true);
        polyline(svg, "traffic-out", series, scale, false);
        return svg.append("</svg>").toString();
    }

    private static void axes(StringBuilder svg) {
        line(svg, "traffic-axis", LEFT, BOTTOM, RIGHT, BOTTOM);
        line(svg, "traffic-axis", LEFT, TOP, LEFT, BOTTOM);
    }

    /**
     * One point per bucket that has samples, in the middle of its full length, so every range looks
     * alike. A bucket without samples (the hour that just began, a gap in collection) has no point:
     * no data is not the same as no traffic.
     */
    private static void polyline(StringBuilder svg, String cssClass, TrafficSeries series, Scale scale,
            boolean received) {
        List<TrafficBucket> buckets = series.buckets();
        svg.append("<polyline class=\"").append(cssClass).append("\" points=\"");
        boolean first = true;
        for (int i = 0; i < buckets.size(); i++) {
            TrafficBucket bucket = buckets.get(i);
            if (bucket.samples() == 0) {
                continue;
            }
            double bits = (received ? bucket.receivedMbps() : bucket.transmittedMbps()) * 1e6;
            double x = LEFT + (RIGHT - LEFT) * (i + 0.5) / buckets.size();
            double y = BOTTOM - (BOTTOM - TOP) * Math.min(bits / scale.top(), 1);
            if (!first) {
                svg.append(' ');
            }
            first = false;
            svg.append(coordinate(x)).append(',').append(coordinate(y));
        }
        svg.append("\"/>");
    }

    /** A label on the time axis, centred on {@code at}. */
    record TimeLabel(Instant at, String text) {
    }

    private static double x(Instant from, Instant to, Instant at) {
        return LEFT + (RIGHT - LEFT) * Duration.between(from, at).toMillis() / Duration.between(from, to).toMillis();
    }

    /**
     * Where vertical grid lines go: every 6 hours of the reader's clock for a day, every midnight for a
     * week, and before each labelled day for a month.
     */
    static List<Instant> gridTimes(TrafficRange range, Instant from, Instant to, ZoneId zone) {
        return switch (range) {
            case DAY -> sixHours(from, to, zone).stream().map(ZonedDateTime::toInstant).toList();
            case WEEK -> days(from.atZone(zone).toLocalDate(), to.atZone(zone).toLocalDate()).stream()
                    .map(day -> day.atStartOfDay(zone).toInstant()).filter(at -> within(at, from, to)).toList();
            case MONTH -> labelledDays(range, from, to, zone).stream()
                    .map(day -> day.atStartOfDay(zone).toInstant()).filter(at -> within(at, from, to)).toList();
        };
    }

    /**
     * The time axis's labels: the hour every 6 hours for a day; the weekday in the middle of each day for
     * a week; the date in the middle of every fifth day, counted back from the newest, for a month.
     */
    static List<TimeLabel> timeLabels(TrafficRange range, Instant from, Instant to, ZoneId zone, Locale locale) {
        if (range == TrafficRange.DAY) {
            DateTimeFormatter hours = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
            return sixHours(from, to, zone).stream().map(t -> new TimeLabel(t.toInstant(), hours.format(t))).toList();
        }
        DateTimeFormatter days = range == TrafficRange.WEEK ? DateTimeFormatter.ofPattern("EEE", locale)
                : DateTimeFormatter.ofPattern(dayAndMonthPattern(locale), locale);
        return labelledDays(range, from, to, zone).stream()
                .map(day -> new TimeLabel(day.atTime(12, 0).atZone(zone).toInstant(), days.format(day))).toList();
    }

    private static List<ZonedDateTime> sixHours(Instant from, Instant to, ZoneId zone) {
        List<ZonedDateTime> hours = new ArrayList<>();
        // not on the right edge, where the label would hang over
        for (ZonedDateTime t = from.atZone(zone).truncatedTo(ChronoUnit.HOURS); t.toInstant().isBefore(to);
                t = t.plusHours(1)) {
            if (!t.toInstant().isBefore(from) && t.getHour() % 6 == 0) {
                hours.add(t);
            }
        }
        return hours;
    }

    /** The local days whose middle lies in the range; for a month only every fifth, ending with the newest. */
    private static List<LocalDate> labelledDays(TrafficRange range, Instant from, Instant to, ZoneId zone) {
        List<LocalDate> days = days(from.atZone(zone).toLocalDate(), to.atZone(zone).toLocalDate()).stream()
                .filter(day -> within(day.atTime(12, 0).atZone(zone).toInstant(), from, to)).toList();
        if (range != TrafficRange.MONTH) {
            return days;
        }
        List<LocalDate> fifth = new ArrayList<>();
        for (int i = days.size() - 1; i >= 0; i -= 5) {
            fifth.add(0, days.get(i));
        }
        return fifth;
    }

    private static List<LocalDate> days(LocalDate first, LocalDate last) {
        return first.datesUntil(last.plusDays(1)).toList();
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && !at.isAfter(to);
    }

    /** The locale's short date without the year: {@code M/d} in the US, {@code dd.MM} in Germany. */
    static String dayAndMonthPattern(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        if (pattern.indexOf('\'') >= 0) {
            return pattern;
        }
        String withoutYear = pattern.replaceAll("[^dM]*y+[^dM]*", "");
        return withoutYear.contains("d") && withoutYear.contains("M") ? withoutYear : pattern;
    }
}
