package io.parbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.results.ResultsJson;
import io.parbench.verdict.GateReport;
import io.parbench.verdict.GateSettings;
import io.parbench.verdict.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GateFormattersTest {

    /** A regression, a failure whose reason needs escaping everywhere, a missing one and unchanged ones. */
    private static GateReport report() {
        RunDocuments baseline = RunDocuments.run(NoiseModel.IID_3, 1)
                .series("native", "nbody", 2048, RunDocuments.SCALING, 1)
                .measured("native", "sum", 1 << 20, 1, 100);
        RunDocuments current = RunDocuments.run(NoiseModel.IID_3, 2)
                .series("native", "nbody", 2048, RunDocuments.SCALING, 0.8)
                .failed("native", "sort", 1 << 21, 2, "crash: <signal 11> & \"core\" | dumped *here*");
        return new Gate(GateSettings.defaults()).run(baseline.labelled("base.json"), current.labelled("cur.json"));
    }

    @Test
    void junitHasOneTestCasePerCheckAndKeepsReasonsIntact() throws Exception {
        GateReport report = report();
        String xml = new JunitFormatter().format(report);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(report.checks().size(), cases.getLength());
        long failing = report.checks().stream().filter(c -> c.verdict().fails()).count();
        assertEquals(Long.toString(failing), root.getAttribute("failures"));
        assertEquals(failing, doc.getElementsByTagName("failure").getLength());
        assertEquals(report.count(Verdict.MISSING) + report.count(Verdict.UNDECIDED), doc.getElementsByTagName("skipped").getLength());

        Element crash = null;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("classname").equals("parbench.native.sort.2097152")) {
                crash = c;
            }
        }
        Element failure = (Element) crash.getElementsByTagName("failure").item(0);
        assertEquals("failed", failure.getAttribute("type"));
        assertEquals("failed: crash: <signal 11> & \"core\" | dumped *here*", failure.getAttribute("message"));
        assertEquals("status @ 2 workers", crash.getAttribute("name"));
    }

    @Test
    void jsonCarriesEveryVerdict() throws Exception {
        GateReport report = report();
        JsonNode json = ResultsJson.mapper().readTree(new JsonFormatter().format(report));
        assertEquals("parbench-gate", json.get("format").asText());
        assertFalse(json.get("passed").asBoolean());
        assertEquals(report.checks().size(), json.get("checks").size());
        JsonNode first = json.get("checks").get(0);
        assertEquals("comparison", first.get("type").asText());
        assertEquals("regression", first.get("verdict").asText());
        assertEquals("throughput", first.get("metric").asText());
        assertTrue(first.get("decision").get("change").asDouble() < -0.1);
        assertEquals("nbody", first.get("configuration").get("kernel").asText());
        assertEquals(0.05, json.get("settings").get("thresholds").get("fallback").asDouble());
        List<String> types = json.get("checks").findValuesAsText("type");
        assertTrue(types.containsAll(List.of("comparison", "failed", "missing")), types.toString());
    }

    @Test
    void markdownLeadsWithWhatNeedsAttentionAndEscapesCells() {
        String md = new MarkdownFormatter().format(report());
        assertTrue(md.startsWith("## parbench gate: ❌ failed\n\n**FAIL: "), md);
        int attention = md.indexOf("### Needs attention");
        int all = md.indexOf("<details><summary>All ");
        assertTrue(attention > 0 && all > attention, md);
        String failedRow = md.lines().filter(l -> l.contains("| sort |")).findFirst().orElseThrow();
        assertTrue(failedRow.contains("crash: &lt;signal 11> & \"core\" \\| dumped \\*here\\*"), failedRow);
        // Every table row has the header's number of cells.
        md.lines().filter(l -> l.startsWith("| ")).forEach(l -> assertEquals(12, l.split("(?<!\\\\)\\|", -1).length, l));
    }

    @Test
    void terminalTableShowsFailuresInCapitalsAndEndsWithTheSummary() {
        GateReport report = report();
        String text = new TerminalFormatter().format(report);
        List<String> lines = text.lines().toList();
        assertTrue(lines.getLast().startsWith("FAIL: 3 regressions, 1 failed"), lines.getLast());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("REGRESSION") && l.contains("nbody")), text);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("verdict ")), text);
        assertEquals(report.summary(), lines.getLast());
    }
}
