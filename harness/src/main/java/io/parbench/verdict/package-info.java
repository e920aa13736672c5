/**
 * The verdicts of {@code parbench gate} and {@code parbench compare} as data, shared by both and
 * by every formatter: the checks (a comparison with its {@link io.parbench.verdict.Decision}, a
 * speedup floor, a failed or missing configuration), their {@link io.parbench.verdict.Verdict}
 * and reading order, the report the formatters write, and the settings (thresholds, floors) it
 * was decided with. Decisions are numbers; {@link io.parbench.verdict.ChangeWording} words them,
 * once, when a formatter asks for the reason.
 */
package io.parbench.verdict;
