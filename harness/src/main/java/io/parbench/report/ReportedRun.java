package io.parbench.report;

import io.parbench.analysis.Analysis;
import io.parbench.analysis.Analyzer;
import io.parbench.analysis.ConfigurationStats;
import io.parbench.analysis.SeriesAnalysis;
import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.RunDocument;
import io.parbench.results.SeriesKey;
import io.parbench.text.Format;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One results document as the report sees it: with its analysis, a short label that tells it
 * apart from the other documents in the same report, and its index (which picks its marker).
 */
public record ReportedRun(int index, String label, RunDocument document, Analysis analysis) {

    /** Analyses the documents and labels each by machine and start time. */
    public static List<ReportedRun> of(List<RunDocument> documents) {
        return of(documents, Analyzer::analyze);
    }

    /** Labelled, not analysed: for a summary of more than a report can analyse ({@link SummaryReport}). */
    static List<ReportedRun> unanalysed(List<RunDocument> documents) {
        return of(documents, document -> new Analysis(List.of(), List.of(), List.of()));
    }

    private static List<ReportedRun> of(List<RunDocument> documents, Function<RunDocument, Analysis> analyse) {
        List<ReportedRun> runs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (RunDocument document : documents) {
            Analysis analysis = analyse.apply(document);
            String label = baseLabel(document);
            int count = seen.merge(label, 1, Integer::sum);
            runs.add(new ReportedRun(runs.size(), count == 1 ? label : label + " (" + count + ")", document, analysis));
        }
        return runs;
    }

    private static String baseLabel(RunDocument document) {
        String host = document.environment().hostname();
        return (host == null || host.isBlank() ? "unknown host" : host) + remoteBrowser(document) + " · "
                + Format.instant(document.run().started());
    }

    /**
     * For a browser on another machine, what tells it apart from the others behind the same Grid
     * hub: {@code " (MacIntel, safari 17.4)"}; nothing for a run on the harness's machine.
     */
    private static String remoteBrowser(RunDocument document) {
        return document.environment().engines().values().stream()
                .filter(e -> e.reachedThroughWebDriver() && e.browser() != null)
                .findFirst()
                .map(e -> " (" + document.environment().arch() + ", " + e.engine() + " " + e.browser().version() + ")")
                .orElse("");
    }

    public List<ConfigurationResult> configurations() {
        return document.configurations();
    }

    public boolean partial() {
        return !document.run().complete();
    }

    /** The analysis of a series, if it has one (a series whose configurations all failed has none). */
    public Optional<SeriesAnalysis> series(SeriesKey key) {
        return analysis.series().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The statistics of a configuration, if it was measured. */
    public Optional<ConfigurationStats> stats(Configuration configuration) {
        return analysis.configurations().stream()
                .filter(s -> s.configuration().equals(configuration))
                .findFirst();
    }
}
