package io.parbench.engines.browser;

import io.parbench.engines.Measurement;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.Status;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Measures one configuration on a browser page protocol (bench-wasm/src/main/js/main.js): one
 * fresh page per fork, their samples kept fork by fork, their checksums required to agree, the
 * median pool start-up and the longest main-thread stall.
 */
public final class PageForks {

    /** How an engine words what went wrong (the byo engine names the user's adapter). */
    public interface Wording {
        /** Why a page that answered {@code status: 'failed'} failed. */
        String pageFailed(PageResult page);

        /** Why a page gave no answer (its watchdog closed it, or the browser broke). */
        String unanswered(String failure);

        /** A reason of the configuration's own (forks that disagree). */
        String configurationFailed(String reason);

        /** A line of the page's console or of its answer's notes. */
        String note(String note);
    }

    /** The pages' own words. */
    public static final Wording PLAIN = new Wording() {
        @Override
        public String pageFailed(PageResult page) {
            return page.text("reason");
        }

        @Override
        public String unanswered(String failure) {
            return failure;
        }

        @Override
        public String configurationFailed(String reason) {
            return reason;
        }

        @Override
        public String note(String note) {
            return note;
        }
    };

    private PageForks() {}

    /**
     * @param timeout how long each fork's page may take; (re)launching the browser is not the
     *     configuration's fault and does not count
     */
    public static Measurement measure(BrowserDriver driver, URI page, Map<String, Object> config, MeasurementSettings settings,
            Duration timeout, Wording wording) {
        return measure(driver, page, config, settings, timeout, wording, answer -> { });
    }

    /** As above; {@code answers} sees every fork's answer that measured (status ok or fallback), in fork order. */
    public static Measurement measure(BrowserDriver driver, URI page, Map<String, Object> config, MeasurementSettings settings,
            Duration timeout, Wording wording, Consumer<PageResult> answers) {
        List<List<Double>> samples = new ArrayList<>();
        List<Double> startups = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        Set<String> checksums = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        String fallbackReason = null;
        for (int fork = 1; fork <= settings.forks(); fork++) {
            PageOutcome outcome;
            try {
                outcome = driver.run(page, "run", config, timeout);
            } catch (BrowserUnavailableException e) {
                return Measurement.failed(e.reason() + "; " + e.fix()).withNotes(notes);
            }
            String prefix = settings.forks() > 1 ? "fork " + fork + ": " : "";
            outcome.notes().forEach(note -> notes.add(prefix + wording.note(note)));
            if (outcome.failed()) {
                if (!driver.running()) {
                    notes.add("the browser is relaunched for the next configuration");
                    return Measurement.failed(prefix + driver.deathNotice() + " while the page ran: " + outcome.failure()
                            + ErrorText.lastLines("console lines", outcome.notes(), 3)).withNotes(notes);
                }
                return Measurement.failed(prefix + wording.unanswered(outcome.failure())).withNotes(notes);
            }
            PageResult answer = new PageResult(outcome.result());
            if ("failed".equals(answer.text("status"))) {
                return Measurement.failed(prefix + wording.pageFailed(answer)).withNotes(notes);
            }
            if ("fallback".equals(answer.text("status"))) {
                fallbackReason = answer.text("reason");
            }
            answers.accept(answer);
            if (outcome.result().get("notes") instanceof List<?> pageNotes) {
                pageNotes.forEach(note -> notes.add(prefix + wording.note(String.valueOf(note))));
            }
            samples.add(answer.numbers("samples"));
            checksums.add(answer.text("checksum"));
            startups.add(answer.number("poolStartupMs").doubleValue());
            if (answer.has("mainThreadMaxGapMs")) {
                gaps.add(answer.number("mainThreadMaxGapMs").doubleValue());
            }
        }
        if (checksums.size() > 1) {
            return Measurement.failed(wording.configurationFailed("the forks computed different checksums: " + String.join(", ", checksums)))
                    .withNotes(notes);
        }
        return new Measurement(fallbackReason == null ? Status.OK : Status.FALLBACK, fallbackReason, samples,
                checksums.iterator().next(),
                startups.isEmpty() ? null : new Median().evaluate(startups.stream().mapToDouble(Double::doubleValue).toArray()), gaps.stream().max(Double::compare).orElse(null), notes);
    }
}
