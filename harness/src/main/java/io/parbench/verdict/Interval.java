package io.parbench.verdict;


/** An estimate with its confidence interval. */
public record Interval(double estimate, double low, double high) {}
