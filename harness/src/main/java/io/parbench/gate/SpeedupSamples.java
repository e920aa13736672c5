package io.parbench.gate;

/** The samples a speedup is computed from: throughput at one worker and at W workers, from one run. */
public record SpeedupSamples(double[] oneWorker, double[] workers) {

    int smallest() {
        return Math.min(oneWorker.length, workers.length);
    }
}
