package org.prospect.app.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class FigureTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        Samples.toolkit();
    }

    @Test
    void svgIsXmlWithTitleAxisLabelsAndLegendAsText() throws Exception {
        Path out = dir.resolve("fig.svg");
        FigureExporter.render(Samples.simulation(), 1, RecordableViews.standard(), "signal", 640, 360, 1,
                FigureExporter.Format.SVG, out, null);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document svg = factory.newDocumentBuilder().parse(out.toFile());
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        NodeList texts = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) shown.add(texts.item(i).getTextContent());
        for (String expected : List.of("Student output following its target", "time (τ units)", "signal (arb. units)",
                "input x", "target", "output r")) {
            assertTrue(shown.contains(expected), expected + " not among " + shown);
        }
        assertTrue(shown.size() > 10, "tick labels too: " + shown);
        assertEquals(3, svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength(), "one line per series");
    }

    @Test
    void pngIsTheLayoutTimesTheScale() throws Exception {
        Path out = dir.resolve("fig.png");
        FigureExporter.render(Samples.simulation(), 0.5, RecordableViews.standard(), "dashboard", 400, 300, 2,
                FigureExporter.Format.PNG, out, null);
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());
    }
}
