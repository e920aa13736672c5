package io.parbench.compare;

import io.parbench.verdict.Metric;

/**
 * One check: throughput at a configuration, or the speedup of a configuration over its series'
 * one-worker configuration.
 *
 * @param <C> the configuration type (results' Configuration; simpler ones in simulations)
 */
public record CheckKey<C>(C configuration, Metric metric) {}
