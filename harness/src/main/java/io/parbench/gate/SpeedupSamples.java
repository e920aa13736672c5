package io.parbench.gate;

import java.util.List;

/** The samples a speedup is computed from, per fork: throughput at one worker and at W workers, from one run. */
public record SpeedupSamples(List<List<Double>> oneWorker, List<List<Double>> workers) {

    int forks() {
        return Math.min(oneWorker.size(), workers.size());
    }
}
