package io.parbench.gate;

import io.parbench.results.Configuration;
import io.parbench.verdict.Check;
import io.parbench.verdict.GateReport;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML, which CI systems (GitHub Actions reporters, GitLab, Jenkins) show natively: one
 * test suite per kind of check, one test case per check. Failing verdicts are failures;
 * undecided and missing ones are skipped, with the reason.
 */
public final class JunitFormatter implements GateFormatter {

    @Override
    public String format(GateReport report) {
        try {
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            xml.setXmlStandalone(true);
            Element suites = xml.createElement("testsuites");
            suites.setAttribute("name", report.title());
            counts(report, suites, report.checks());
            xml.appendChild(suites);
            Map<String, List<Check>> bySubject = new LinkedHashMap<>();
            report.checks().stream()
                    .sorted(Comparator.comparing(Check::subject))
                    .forEach(c -> bySubject.computeIfAbsent(c.subject(), k -> new ArrayList<>()).add(c));
            bySubject.forEach((subject, checks) -> suites.appendChild(suite(xml, report, subject, checks)));
            return serialise(xml);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("The JDK's XML support failed: " + e.getMessage(), e);
        }
    }

    private static Element suite(Document xml, GateReport report, String subject, List<Check> checks) {
        Element suite = xml.createElement("testsuite");
        suite.setAttribute("name", report.title() + ": " + subject);
        counts(report, suite, checks);
        for (Check check : checks) {
            Configuration c = check.configuration();
            Element testCase = xml.createElement("testcase");
            testCase.setAttribute("classname", "parbench." + c.engine() + "." + c.series().kernelLabel() + "." + c.size());
            testCase.setAttribute("name", check.subject() + " @ " + c.workers() + (c.workers() == 1 ? " worker" : " workers"));
            if (report.fails(check)) {
                Element failure = xml.createElement("failure");
                failure.setAttribute("type", check.verdict().id());
                failure.setAttribute("message", check.reason());
                failure.setTextContent(c.label() + " " + check.subject() + ": " + check.reason());
                testCase.appendChild(failure);
            } else if (check.verdict().open()) {
                Element skipped = xml.createElement("skipped");
                skipped.setAttribute("message", check.verdict().label() + ": " + check.reason());
                testCase.appendChild(skipped);
            } else {
                Element out = xml.createElement("system-out");
                out.setTextContent(check.verdict().label() + ": " + check.reason());
                testCase.appendChild(out);
            }
            suite.appendChild(testCase);
        }
        return suite;
    }

    private static void counts(GateReport report, Element element, List<Check> checks) {
        element.setAttribute("tests", Integer.toString(checks.size()));
        element.setAttribute("failures", Long.toString(checks.stream().filter(report::fails).count()));
        element.setAttribute("errors", "0");
        element.setAttribute("skipped", Long.toString(checks.stream()
                .filter(c -> !report.fails(c) && c.verdict().open()).count()));
    }

    private static String serialise(Document xml) throws TransformerException {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(xml), new StreamResult(out));
        return out.toString();
    }
}
