package io.parbench.compare;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Simulated noise at the level of forks, the unit the comparison replicates: each fork (a fresh
 * JVM or page) lands at its own level, log-normal with {@code forkSigma}; sometimes a whole fork
 * is slow (a noisy neighbour for its lifetime); its iterations scatter around that level by
 * {@code iterationSigma}. A round's drift (the machine busier for a while) moves both sides' forks
 * of that round alike.
 */
record ForkNoise(double forkSigma, double iterationSigma, double slowForkProbability, double roundDriftSigma) {

    static final int ITERATIONS = 5;

    /** One fork's iteration throughputs, for a configuration whose true throughput is mean. */
    List<Double> fork(double mean, double drift, RandomGenerator rng) {
        double level = mean * drift * Math.exp(forkSigma * rng.nextGaussian());
        if (rng.nextDouble() < slowForkProbability) {
            level *= 0.6 + 0.3 * rng.nextDouble();
        }
        List<Double> iterations = new ArrayList<>();
        for (int i = 0; i < ITERATIONS; i++) {
            iterations.add(level * Math.exp(iterationSigma * rng.nextGaussian()));
        }
        return iterations;
    }

    double drift(RandomGenerator rng) {
        return Math.exp(roundDriftSigma * rng.nextGaussian());
    }
}
