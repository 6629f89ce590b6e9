package io.marque.portal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartTest {

    private static final Chart.Text TEXT = new Chart.Text("Revenue, EUR", "No revenue yet", Locale.ENGLISH,
            value -> value.toPlainString() + " EUR");
    private static final double PLOT_HEIGHT = Chart.BOTTOM - Chart.TOP;

    private static Chart.Bar bar(String label, String value) {
        return new Chart.Bar(label, new BigDecimal(value), 0);
    }

    private static Document xml(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document doc, String name) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    private static List<String> texts(Document doc, String cssClass) {
        return elements(doc, "text").stream().filter(t -> Arrays.asList(t.getAttribute("class").split(" ")).contains(cssClass))
                .map(Element::getTextContent).toList();
    }

    @Test
    void theHighestBarFillsThePlotAndTheOthersScaleToIt() throws Exception {
        Document svg = xml(Chart.bars(List.of(bar("Jan", "50.00"), bar("Feb", "100.00"), bar("Mar", "25.00")), TEXT));

        List<Element> bars = elements(svg, "rect");
        assertEquals(3, bars.size());
        assertEquals(PLOT_HEIGHT / 2, number(bars.get(0), "height"), 0.1);
        assertEquals(PLOT_HEIGHT, number(bars.get(1), "height"), 0.1);
        assertEquals(PLOT_HEIGHT / 4, number(bars.get(2), "height"), 0.1);
        assertEquals(Chart.TOP, number(bars.get(1), "y"), 0.1);
        assertEquals(Chart.BOTTOM, number(bars.get(0), "y") + number(bars.get(0), "height"), 0.1);
    }

    @Test
    void theScaleStepsInRoundNumbersAboveTheHighestValue() throws Exception {
        Document svg = xml(Chart.bars(List.of(bar("Jan", "730.00")), TEXT));

        assertEquals(List.of("0", "200", "400", "600", "800"), texts(svg, "chart-y-label"));
        assertEquals(PLOT_HEIGHT * 730 / 800, number(elements(svg, "rect").get(0), "height"), 0.1);
    }

    @Test
    void countsStepInWholeNumbers() throws Exception {
        Document svg = xml(Chart.bars(List.of(bar("Jan", "0"), bar("Feb", "1"), bar("Mar", "3")), TEXT));

        assertEquals(List.of("0", "1", "2", "3"), texts(svg, "chart-y-label"));
    }

    @Test
    void aMonthOfRefundsHangsBelowTheZeroLine() throws Exception {
        Document svg = xml(Chart.bars(List.of(bar("Jan", "100.00"), bar("Feb", "-50.00")), TEXT));

        List<Element> bars = elements(svg, "rect");
        double zero = elements(svg, "line").stream().filter(l -> l.getAttribute("class").equals("chart-zero"))
                .mapToDouble(l -> number(l, "y1")).findFirst().orElseThrow();
        assertEquals(zero, number(bars.get(0), "y") + number(bars.get(0), "height"), 0.1);
        assertEquals(zero, number(bars.get(1), "y"), 0.1);
        assertEquals(number(bars.get(0), "height") / 2, number(bars.get(1), "height"), 0.1);
        assertTrue(bars.get(1).getAttribute("class").contains("chart-negative"));
        assertFalse(bars.get(0).getAttribute("class").contains("chart-negative"));
    }

    @Test
    void noDataDrawsTheEmptyStateNotBarsOfZeroHeight() throws Exception {
        Document svg = xml(Chart.bars(List.of(), TEXT));

        assertEquals(0, elements(svg, "rect").size());
        assertEquals(List.of("No revenue yet"), texts(svg, "chart-empty"));
        Document lines = xml(Chart.lines(List.of("Jan", "Feb"), List.of(), TEXT));
        assertEquals(0, elements(lines, "polyline").size());
        assertEquals(List.of("No revenue yet"), texts(lines, "chart-empty"));
    }

    @Test
    void zerosAreDataNotTheEmptyState() throws Exception {
        Document svg = xml(Chart.bars(List.of(bar("Jan", "0"), bar("Feb", "0")), TEXT));

        assertEquals(2, elements(svg, "rect").size());
        assertEquals(List.of(), texts(svg, "chart-empty"));
    }

    @Test
    void everyTextIsEscapedAndTheChartStaysWellFormed() throws Exception {
        String name = "<script>alert(1)</script> & \"Co\" 'x'\u0007";
        String svg = Chart.bars(List.of(new Chart.Bar(name, BigDecimal.TEN, 0)),
                new Chart.Text("Title </svg><script>", "none", Locale.ENGLISH, BigDecimal::toPlainString));

        assertFalse(svg.contains("<script"), svg);
        assertFalse(svg.contains("</svg><"), svg);
        Document doc = xml(svg);
        assertEquals("Title </svg><script>", doc.getDocumentElement().getAttribute("aria-label"));
        assertEquals(name.replace('\u0007', '\uFFFD') + ": 10", elements(doc, "rect").get(0).getTextContent());
    }

    @Test
    void theSvgHasNoStyleScriptOrOutsideReferenceOnlyClassesTheThemeColours() {
        String svg = Chart.lines(List.of("Jan", "Feb"), List.of(
                new Chart.Series("Direct", List.of(BigDecimal.ONE, BigDecimal.TEN)),
                new Chart.Series("Resellers", List.of(BigDecimal.TEN, BigDecimal.ONE))), TEXT);

        assertFalse(svg.contains("style"));
        assertFalse(svg.contains("fill="));
        assertFalse(svg.contains("stroke="));
        assertFalse(svg.contains("href"));
        assertTrue(svg.contains("class=\"chart-line chart-series-0\""));
        assertTrue(svg.contains("class=\"chart-line chart-series-1\""));
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-chart\""));
    }

    @Test
    void aLineHasAPointPerValueWithItsValueInItsTitleAndSkipsAMissingOne() throws Exception {
        List<BigDecimal> values = new ArrayList<>(List.of(new BigDecimal("5.00"), new BigDecimal("10.00")));
        values.add(null);
        Document svg = xml(Chart.lines(List.of("Jan", "Feb", "Mar"), List.of(new Chart.Series("Direct", values)), TEXT));

        List<Element> points = elements(svg, "circle");
        assertEquals(2, points.size());
        assertEquals("Direct, Feb: 10.00 EUR", points.get(1).getTextContent());
        String polyline = elements(svg, "polyline").get(0).getAttribute("points");
        assertEquals(2, polyline.split(" ").length);
        assertEquals(Chart.TOP, number(points.get(1), "cy"), 0.1);
        assertEquals(List.of("Direct"), texts(svg, "chart-legend"));
    }

    @Test
    void aLineNeedsAValuePerLabel() {
        assertThrows(IllegalArgumentException.class, () -> Chart.lines(List.of("Jan", "Feb"),
                List.of(new Chart.Series("Direct", List.of(BigDecimal.ONE))), TEXT));
    }

    @Test
    void aLongLabelIsShortenedUnderItsBarAndWholeInItsTitle() throws Exception {
        List<Chart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bars.add(bar("Reseller with a very long name number " + i, "1"));
        }
        Document svg = xml(Chart.bars(bars, TEXT));

        String shown = texts(svg, "chart-x-label").get(0);
        assertTrue(shown.endsWith("…"), shown);
        assertTrue(shown.length() < 15, shown);
        assertEquals("Reseller with a very long name number 0: 1 EUR", elements(svg, "rect").get(0).getTextContent());
    }

    @Test
    void shorteningNeverSplitsACharacterOutsideTheBasicPlane() {
        String label = "😀".repeat(20);
        String shown = Chart.shortened(label, 30);

        assertTrue(shown.endsWith("…"));
        assertEquals(0, (shown.length() - 1) % 2);
        assertTrue(shown.codePoints().allMatch(c -> c == 0x1F600 || c == '…'));
    }

    @Test
    void twelveMonthsAreAllLabelledAndMoreAreThinnedOut() {
        assertEquals(1, Chart.labelEvery(12));
        assertTrue(Chart.labelEvery(40) > 1);
    }

    @Test
    void scaleNumbersAreWrittenInTheReadersLanguage() throws Exception {
        Document svg = xml(Chart.bars(List.of(bar("Jan", "12000")), new Chart.Text("t", "n", Locale.GERMANY,
                BigDecimal::toPlainString)));

        assertTrue(texts(svg, "chart-y-label").contains("10.000"), texts(svg, "chart-y-label").toString());
    }

    @Test
    void everyBarTakesTheColourOfItsSeries() {
        String svg = Chart.bars(List.of(new Chart.Bar("Paid", BigDecimal.ONE, 2), new Chart.Bar("Overdue", BigDecimal.ONE, 4)), TEXT);

        Matcher classes = Pattern.compile("<rect class=\"([^\"]+)\"").matcher(svg);
        List<String> found = new ArrayList<>();
        while (classes.find()) {
            found.add(classes.group(1));
        }
        assertEquals(List.of("chart-bar chart-series-2", "chart-bar chart-series-4"), found);
    }
}
