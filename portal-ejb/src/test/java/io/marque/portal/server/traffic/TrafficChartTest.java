package io.marque.portal.server.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TrafficChartTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:07:00Z");
    private static final TrafficChart.Labels LABELS =
            new TrafficChart.Labels("Eingehend", "Ausgehend", "Noch kein Traffic aufgezeichnet");

    /** A sample every 5 minutes over the whole range, at a constant rate in and out. */
    private static TrafficSeries constant(TrafficRange range, double megabitsIn, double megabitsOut) {
        List<TrafficSample> samples = new ArrayList<>();
        for (Instant at = NOW.minus(range.length()); !at.isAfter(NOW); at = at.plusSeconds(300)) {
            samples.add(new TrafficSample(at, Math.round(megabitsIn * 37_500_000L), Math.round(megabitsOut * 37_500_000L)));
        }
        return TrafficSeries.of(samples, range, NOW);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<String> texts(Document document, String cssClass) {
        return elements(document, "text").stream()
                .filter(e -> List.of(e.getAttribute("class").split(" ")).contains(cssClass))
                .map(Element::getTextContent).toList();
    }

    @Test
    void itIsWellFormedAccessibleAndScalable() throws Exception {
        Document svg = parse(TrafficChart.svg(constant(TrafficRange.DAY, 2, 5), "web01.example.com", LABELS,
                Locale.GERMANY, ZoneOffset.UTC));
        Element root = svg.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("img", root.getAttribute("role"));
        assertEquals("web01.example.com", root.getAttribute("aria-label"));
        assertEquals("0 0 640 260", root.getAttribute("viewBox"));
        assertFalse(root.hasAttribute("width"));
        assertEquals("web01.example.com", elements(svg, "title").get(0).getTextContent());
        assertEquals(List.of("Eingehend", "Ausgehend"), texts(svg, "traffic-legend"));
    }

    @Test
    void theTitleIsEscaped() throws Exception {
        String title = "<script>alert(1)</script>&\"x\" 'y' \u0001";
        String markup = TrafficChart.svg(constant(TrafficRange.DAY, 1, 1), title, LABELS, Locale.ENGLISH, ZoneOffset.UTC);
        assertFalse(markup.contains("<script"));
        Document svg = parse(markup);
        assertEquals("<script>alert(1)</script>&\"x\" 'y' \uFFFD", elements(svg, "title").get(0).getTextContent());
        assertEquals("<script>alert(1)</script>&\"x\" 'y' \uFFFD", svg.getDocumentElement().getAttribute("aria-label"));
        assertTrue(elements(svg, "script").isEmpty());
    }

    @Test
    void theLabelsAreEscapedToo() throws Exception {
        TrafficChart.Labels labels = new TrafficChart.Labels("<in>", "&out", "</svg>");
        Document svg = parse(TrafficChart.svg(constant(TrafficRange.DAY, 1, 1), "t", labels, Locale.ENGLISH,
                ZoneOffset.UTC));
        assertEquals(List.of("<in>", "&out"), texts(svg, "traffic-legend"));
        Document empty = parse(TrafficChart.svg(TrafficSeries.of(List.of(), TrafficRange.DAY, NOW), "t", labels,
                Locale.ENGLISH, ZoneOffset.UTC));
        assertEquals(List.of("</svg>"), texts(empty, "traffic-empty"));
    }

    @Test
    void thereIsOnePointPerBucketInEachDirection() throws Exception {
        for (TrafficRange range : TrafficRange.values()) {
            Document svg = parse(TrafficChart.svg(constant(range, 1, 3), "t", LABELS, Locale.ENGLISH, ZoneOffset.UTC));
            List<Element> lines = elements(svg, "polyline");
            assertEquals(List.of("traffic-in", "traffic-out"), lines.stream().map(e -> e.getAttribute("class")).toList());
            for (Element line : lines) {
                assertEquals(range.buckets(), line.getAttribute("points").split(" ").length, range.name());
            }
        }
    }

    @Test
    void theLinesSitAtTheirRate() throws Exception {
        // 2 Mbit/s in and 4 out: the scale runs to 4 Mbit/s, so "out" is at the top and "in" half way
        Document svg = parse(TrafficChart.svg(constant(TrafficRange.MONTH, 2, 4), "t", LABELS, Locale.ENGLISH,
                ZoneOffset.UTC));
        String[] in = elements(svg, "polyline").get(0).getAttribute("points").split(" ");
        String[] out = elements(svg, "polyline").get(1).getAttribute("points").split(" ");
        assertEquals("134.0", in[10].split(",")[1], "half way between 228 and 40");
        assertEquals("40.0", out[10].split(",")[1]);
        assertEquals(List.of("0", "1", "2", "3", "4"), texts(svg, "traffic-y-label"));
        assertEquals(List.of("Mbit/s"), texts(svg, "traffic-unit"));
    }

    @Test
    void theUnitFollowsTheTraffic() throws Exception {
        assertEquals(List.of("kbit/s"), unitOf(0.5));
        assertEquals(List.of("Mbit/s"), unitOf(5));
        assertEquals(List.of("Mbit/s"), unitOf(800));
        assertEquals(List.of("Gbit/s"), unitOf(999), "the scale ends at 1 Gbit/s");
        assertEquals(List.of("Gbit/s"), unitOf(2_000));
    }

    private static List<String> unitOf(double megabits) throws Exception {
        return texts(parse(TrafficChart.svg(constant(TrafficRange.DAY, megabits / 2, megabits), "t", LABELS,
                Locale.ENGLISH, ZoneOffset.UTC)), "traffic-unit");
    }

    @Test
    void theScaleEndsOnARoundNumber() {
        assertEquals(4e6, TrafficChart.Scale.of(3.7e6).top());
        assertEquals(1e6, TrafficChart.Scale.of(3.7e6).step());
        assertEquals(1e6, TrafficChart.Scale.of(999e3).top());
        assertEquals(2.5e5, TrafficChart.Scale.of(999e3).step());
        assertEquals(1000, TrafficChart.Scale.of(0).top(), "a silent server still gets an axis");
        assertEquals(2e9, TrafficChart.Scale.of(1.9e9).top());
    }

    @Test
    void numbersFollowTheLocale() throws Exception {
        Document svg = parse(TrafficChart.svg(constant(TrafficRange.DAY, 0.5, 1), "t", LABELS, Locale.GERMANY,
                ZoneOffset.UTC));
        assertEquals(List.of("0", "0,25", "0,5", "0,75", "1"), texts(svg, "traffic-y-label"));
    }

    @Test
    void aDayIsLabelledEverySixHoursOfTheReadersClock() throws Exception {
        // 2026-11-24T11:00Z … 2026-11-25T11:00Z
        assertEquals(List.of("12:00", "18:00", "00:00", "06:00"), xLabels(TrafficRange.DAY, Locale.GERMANY, ZoneOffset.UTC));
        assertEquals(List.of("12:00", "18:00", "00:00", "06:00"),
                xLabels(TrafficRange.DAY, Locale.GERMANY, ZoneId.of("Europe/Berlin")));
        assertEquals(List.of("18:00", "00:00", "06:00", "12:00"),
                xLabels(TrafficRange.DAY, Locale.GERMANY, ZoneId.of("Asia/Kolkata")), "half-hour zones too");
    }

    @Test
    void aWeekIsLabelledByWeekday() throws Exception {
        // 2026-11-18T12:00Z (a Wednesday) … 2026-11-25T12:00Z
        assertEquals(List.of("Wed", "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"),
                xLabels(TrafficRange.WEEK, Locale.ENGLISH, ZoneOffset.UTC));
        assertEquals("Mi.", xLabels(TrafficRange.WEEK, Locale.GERMANY, ZoneOffset.UTC).get(0));
    }

    @Test
    void aMonthIsLabelledByEveryFifthDateEndingToday() throws Exception {
        // 2026-10-27 … 2026-11-25
        assertEquals(List.of("10/31", "11/5", "11/10", "11/15", "11/20", "11/25"),
                xLabels(TrafficRange.MONTH, Locale.US, ZoneOffset.UTC));
        assertEquals("25.11", xLabels(TrafficRange.MONTH, Locale.GERMANY, ZoneOffset.UTC).get(5));
    }

    @Test
    void theLocalesShortDateLosesItsYear() {
        assertEquals("M/d", TrafficChart.dayAndMonthPattern(Locale.US));
        assertEquals("dd.MM", TrafficChart.dayAndMonthPattern(Locale.GERMANY));
        assertEquals("MM/dd", TrafficChart.dayAndMonthPattern(Locale.JAPAN));
    }

    private static List<String> xLabels(TrafficRange range, Locale locale, ZoneId zone) throws Exception {
        return texts(parse(TrafficChart.svg(constant(range, 1, 1), "t", LABELS, locale, zone)), "traffic-x-label");
    }

    @Test
    void anEmptySeriesSaysSoInsteadOfDrawingZero() throws Exception {
        Document svg = parse(TrafficChart.svg(TrafficSeries.of(List.of(), TrafficRange.WEEK, NOW), "t", LABELS,
                Locale.GERMANY, ZoneOffset.UTC));
        assertTrue(elements(svg, "polyline").isEmpty());
        assertEquals(List.of("Noch kein Traffic aufgezeichnet"), texts(svg, "traffic-empty"));
        assertTrue(texts(svg, "traffic-y-label").isEmpty());
        assertFalse(elements(svg, "line").isEmpty(), "the frame is still there");
    }

    @Test
    void itLeavesEveryLookToTheThemeAndLoadsNothing() {
        for (TrafficRange range : TrafficRange.values()) {
            String markup = TrafficChart.svg(constant(range, 1, 3), "web01", LABELS, Locale.ENGLISH, ZoneOffset.UTC)
                    .toLowerCase(Locale.ROOT);
            for (String forbidden : new String[] {"style", "fill", "stroke", "font", "color", "#", "script", "href",
                    "url(", "on", "<image", "<foreignobject"}) {
                if (forbidden.equals("on")) {
                    assertFalse(markup.matches("(?s).*\\son[a-z]+=.*"), "no event handler attributes");
                } else {
                    assertFalse(markup.contains(forbidden), forbidden + " in " + range);
                }
            }
        }
    }
}
