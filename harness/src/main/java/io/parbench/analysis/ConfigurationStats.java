package io.parbench.analysis;

import io.parbench.results.Configuration;

/** The statistics of one measured configuration's samples (steps/sec). */
public record ConfigurationStats(Configuration configuration, SampleStats throughput) {}
