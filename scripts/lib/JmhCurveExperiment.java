import io.parbench.engines.Block;
import io.parbench.engines.Engine;
import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.ForkPlan;
import io.parbench.engines.jvm.JvmEngine;
import io.parbench.engines.nativelib.NativeEngine;
import io.parbench.kernels.KernelSpec;
import io.parbench.plan.BlockOrder;
import io.parbench.results.ComparisonSide;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import io.parbench.run.RunLock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Is a curve per JMH fork as trustworthy as a JMH fork per configuration, and faster? (issue 19)
 *
 * <p>Each round measures, for every engine and kernel, S(2) = T(2) / T(1) both ways, in a random
 * order within the round: one fork running W = 1 and W = 2 in a balanced order of blocks (the
 * harness's way with measuresCurves), and a fork per worker count (the way before). Each fork has
 * the same warm-up and the same iterations per worker count. Written: the raw blocks as CSV
 * (forks.csv) and per series the geometric mean of S(2) each way, its spread across forks, the
 * bias between the ways (paired by round), the wall time per round each way, and how much
 * precision each way buys per second.
 *
 * <p>Run it through scripts/jmh-curve-experiment, which builds and gives it the class path.
 */
public class JmhCurveExperiment {

    record Fork(int round, String engine, String kernel, long size, String way, List<Block> order, ForkMeasurement m, long wallMillis) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: JmhCurveExperiment ROUNDS OUT_DIR [ENGINES=native,jvm] [KERNELS=nbody,sum] [PROFILE=quick]"
                    + " [WARMUP=3] [ITERATIONS=5] [ITERATION_MS=200] [SEED=1]");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        List<String> engines = List.of(arg(args, 2, "native,jvm").split(","));
        List<String> kernels = List.of(arg(args, 3, "nbody,sum").split(","));
        KernelSpec.Profile profile = KernelSpec.Profile.valueOf(arg(args, 4, "quick").toUpperCase(Locale.ROOT));
        MeasurementSettings settings = new MeasurementSettings(1, Integer.parseInt(arg(args, 5, "3")), Integer.parseInt(arg(args, 6, "5")),
                Long.parseLong(arg(args, 7, "200")));
        Random random = new Random(Long.parseLong(arg(args, 8, "1")));
        List<Integer> workers = List.of(1, 2);

        Map<String, Engine> byName = new LinkedHashMap<>();
        for (String name : engines) {
            byName.put(name, name.equals("jvm") ? new JvmEngine(KernelSpec.DEFAULT_SEED, null) : new NativeEngine(KernelSpec.DEFAULT_SEED, null));
        }
        List<Fork> forks = new ArrayList<>();
        long started = System.nanoTime();
        try (RunLock lock = RunLock.acquire(new PrintWriter(System.err, true))) {
            for (int round = 1; round <= rounds; round++) {
                List<Runnable> tasks = new ArrayList<>();
                int r = round;
                for (String engine : engines) {
                    for (String kernel : kernels) {
                        long size = KernelSpec.byId(kernel).orElseThrow().defaultSize(profile);
                        SeriesKey series = new SeriesKey(engine, kernel, null, size);
                        List<Block> curve = BlockOrder.balanced(List.of(ComparisonSide.CURRENT), workers, settings.iterations(), random);
                        tasks.add(() -> forks.add(measure(r, byName.get(engine), series, "curve", curve, settings)));
                        for (int w : workers) {
                            List<Block> one = Collections.nCopies(settings.iterations(), Block.of(w));
                            tasks.add(() -> forks.add(measure(r, byName.get(engine), series, "per-configuration", one, settings)));
                        }
                    }
                }
                Collections.shuffle(tasks, random);
                tasks.forEach(Runnable::run);
                System.err.printf("round %d of %d done after %.0f s%n", round, rounds, (System.nanoTime() - started) / 1e9);
            }
        } finally {
            for (Engine engine : byName.values()) {
                engine.close();
            }
        }
        writeCsv(forks, out.resolve("forks.csv"));
        String summary = summary(forks, engines, kernels, settings, rounds, (System.nanoTime() - started) / 1e9);
        Files.writeString(out.resolve("summary.txt"), summary);
        System.out.print(summary);
    }

    private static String arg(String[] args, int index, String otherwise) {
        return args.length > index && !args[index].isBlank() ? args[index] : otherwise;
    }

    private static Fork measure(int round, Engine engine, SeriesKey series, String way, List<Block> order, MeasurementSettings settings) {
        long start = System.nanoTime();
        ForkMeasurement m;
        try {
            m = engine.measure(new ForkPlan(series, order, settings));
        } catch (Exception e) {
            m = ForkMeasurement.failed(e.toString());
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        if (m.status() != Status.OK) {
            System.err.println("round " + round + " " + series.label() + " " + way + " " + order + ": " + m.status() + " " + m.reason());
        }
        return new Fork(round, series.engine(), series.kernel(), series.size(), way, order, m, wall);
    }

    private static void writeCsv(List<Fork> forks, Path file) throws Exception {
        StringBuilder csv = new StringBuilder("round,engine,kernel,size,way,status,position,workers,steps_per_second,fork_wall_ms\n");
        for (Fork f : forks) {
            for (int i = 0; i < f.m().blocks().size(); i++) {
                ForkMeasurement.MeasuredBlock b = f.m().blocks().get(i);
                csv.append(String.format(Locale.ROOT, "%d,%s,%s,%d,%s,%s,%d,%d,%.6f,%d%n", f.round(), f.engine(), f.kernel(), f.size(), f.way(),
                        f.m().status(), i, b.block().workers(), b.stepsPerSecond(), f.wallMillis()));
            }
        }
        Files.writeString(file, csv);
    }

    /** Mean steps/s at W in a fork, or NaN when it measured none there (failed). */
    private static double mean(Fork f, int w) {
        return f.m().status() != Status.OK ? Double.NaN
                : f.m().blocks().stream().filter(b -> b.block().workers() == w).mapToDouble(ForkMeasurement.MeasuredBlock::stepsPerSecond)
                        .average().orElse(Double.NaN);
    }

    private static String summary(List<Fork> forks, List<String> engines, List<String> kernels, MeasurementSettings settings, int rounds,
            double seconds) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "S(2) per fork: a curve per JMH fork vs a JMH fork per configuration; %d rounds, warm-up %d x %d ms, %d iterations per"
                        + " worker count; %.0f s in all%n%n", rounds, settings.warmupIterations(), settings.iterationMillis(),
                settings.iterations(), seconds));
        s.append(String.format(Locale.ROOT, "%-14s %-24s %-24s %-26s %-18s %s%n", "series", "S(2) curve (sd, n)", "S(2) per-config (sd, n)",
                "bias curve/per-config", "wall per round", "precision per second, curve / per-config"));
        for (String engine : engines) {
            for (String kernel : kernels) {
                List<Double> curve = new ArrayList<>();
                List<Double> perConfig = new ArrayList<>();
                List<Double> differences = new ArrayList<>();
                List<Double> curveWall = new ArrayList<>();
                List<Double> perConfigWall = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    int r = round;
                    List<Fork> these = forks.stream().filter(f -> f.round() == r && f.engine().equals(engine) && f.kernel().equals(kernel)).toList();
                    Fork c = these.stream().filter(f -> f.way().equals("curve")).findFirst().orElseThrow();
                    Fork one = these.stream().filter(f -> f.way().equals("per-configuration") && f.order().getFirst().workers() == 1).findFirst().orElseThrow();
                    Fork two = these.stream().filter(f -> f.way().equals("per-configuration") && f.order().getFirst().workers() == 2).findFirst().orElseThrow();
                    double logCurve = Math.log(mean(c, 2) / mean(c, 1));
                    double logPerConfig = Math.log(mean(two, 2) / mean(one, 1));
                    if (!Double.isNaN(logCurve)) {
                        curve.add(logCurve);
                        curveWall.add(c.wallMillis() / 1e3);
                    }
                    if (!Double.isNaN(logPerConfig)) {
                        perConfig.add(logPerConfig);
                        perConfigWall.add((one.wallMillis() + two.wallMillis()) / 1e3);
                    }
                    if (!Double.isNaN(logCurve) && !Double.isNaN(logPerConfig)) {
                        differences.add(logCurve - logPerConfig);
                    }
                }
                double curveTime = average(curveWall);
                double perConfigTime = average(perConfigWall);
                double efficiency = (variance(perConfig) * perConfigTime) / (variance(curve) * curveTime);
                s.append(String.format(Locale.ROOT, "%-14s %-24s %-24s %-26s %-18s x%.1f%n", engine + " " + kernel,
                        String.format(Locale.ROOT, "%.3f (%.1f%%, %d)", Math.exp(average(curve)), 100 * Math.sqrt(variance(curve)), curve.size()),
                        String.format(Locale.ROOT, "%.3f (%.1f%%, %d)", Math.exp(average(perConfig)), 100 * Math.sqrt(variance(perConfig)),
                                perConfig.size()),
                        String.format(Locale.ROOT, "%+.1f%% [%+.1f, %+.1f]", 100 * Math.expm1(average(differences)),
                                100 * Math.expm1(average(differences) - halfWidth(differences)),
                                100 * Math.expm1(average(differences) + halfWidth(differences))),
                        String.format(Locale.ROOT, "%.1f s vs %.1f s", curveTime, perConfigTime), efficiency));
            }
        }
        s.append(String.format(Locale.ROOT, "%nsd: the spread of log S(2) across forks (rounds); bias: the mean of log(S curve / S per-config)"
                + " paired by round, with its 95%% t-interval; wall: one curve fork vs the two forks per configuration;%nprecision per"
                + " second: (variance x time) per-config / (variance x time) curve, above 1 where a curve fork buys more precision per second.%n"));
        return s.toString();
    }

    private static double average(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double variance(List<Double> values) {
        double mean = average(values);
        return values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1);
    }

    /** The half-width of the mean's 95% t-interval. */
    private static double halfWidth(List<Double> values) {
        if (values.size() < 2) {
            return Double.NaN;
        }
        double t = new TDistribution(values.size() - 1).inverseCumulativeProbability(0.975);
        return t * Math.sqrt(variance(values) / values.size());
    }
}
