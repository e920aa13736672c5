package io.parbench.gate;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Simulated benchmark noise, multiplicative: a level per fork (a fresh JVM or page lands a
 * little faster or slower), log-normal noise per iteration, and occasional stalls (a GC pause,
 * preemption on a shared CI machine) that cut one sample's throughput to 60–90%.
 */
public record NoiseModel(String name, double forkSigma, double iterationSigma, double stallProbability) {

    /** Coefficient of variation of 3%, independent samples. */
    public static final NoiseModel IID_3 = new NoiseModel("iid, CV 3%", 0, 0.03, 0);
    /** Also about 3% overall, but with fork-to-fork variation and 2% stalls. */
    public static final NoiseModel FORKS_AND_STALLS = new NoiseModel("forks 1.5% + iterations 2.6% + 2% stalls", 0.015, 0.026, 0.02);

    /** forks × iterations samples of a configuration whose true throughput is mean, fork-major. */
    public double[] samples(double mean, int forks, int iterations, RandomGenerator rng) {
        double[] out = new double[forks * iterations];
        for (int f = 0; f < forks; f++) {
            double level = mean * Math.exp(forkSigma * rng.nextGaussian());
            for (int i = 0; i < iterations; i++) {
                double value = level * Math.exp(iterationSigma * rng.nextGaussian());
                if (rng.nextDouble() < stallProbability) {
                    value *= 0.6 + 0.3 * rng.nextDouble();
                }
                out[f * iterations + i] = value;
            }
        }
        return out;
    }
}
