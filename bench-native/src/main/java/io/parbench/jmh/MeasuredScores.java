package io.parbench.jmh;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output, passed on as it is, with each measurement iteration's score kept as the fork
 * reports it (in order: one fork, one thread). JMH returns a fork's results only when the whole
 * fork succeeds; the fork reports each iteration as it ends, so this keeps the blocks a failed
 * fork measured.
 */
final class MeasuredScores implements OutputFormat {
    private final OutputFormat out;
    private final List<Double> scores = new ArrayList<>();

    MeasuredScores(OutputFormat out) {
        this.out = out;
    }

    /** Steps/sec of the measurement iterations reported so far, in order. */
    synchronized List<Double> scores() {
        return List.copyOf(scores);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        if (params.getType() == IterationType.MEASUREMENT) {
            synchronized (this) {
                scores.add(data.getPrimaryResult().getScore());
            }
        }
        out.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        out.iteration(benchParams, params, iteration);
    }

    @Override
    public void startBenchmark(BenchmarkParams benchParams) {
        out.startBenchmark(benchParams);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        out.endBenchmark(result);
    }

    @Override
    public void startRun() {
        out.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        out.endRun(result);
    }

    @Override
    public void print(String s) {
        out.print(s);
    }

    @Override
    public void println(String s) {
        out.println(s);
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.close();
    }

    @Override
    public void verbosePrintln(String s) {
        out.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        out.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        out.write(b);
    }
}
