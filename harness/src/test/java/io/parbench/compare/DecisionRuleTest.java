package io.parbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.change.CheckDecision;
import io.parbench.change.DecisionRule;
import io.parbench.change.LogChange;
import io.parbench.change.Outcome;
import io.parbench.verdict.Metric;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionRuleTest {

    private static LogChange rounds(double... ratios) {
        return LogChange.paired(ratios);
    }

    @Test
    void aClearSlowdownBeyondTheThresholdIsARegression() {
        CheckDecision d = DecisionRule.decide(rounds(-0.10, -0.11, -0.09, -0.10, -0.12, -0.08), 0.05, 0.01, 0.01);
        assertEquals(Outcome.REGRESSION, d.outcome());
        assertTrue(d.high() < 0 && d.change() < -0.05);
        assertNull(d.replicatesNeeded());
    }

    @Test
    void aSignificantSlowdownWithinTheThresholdIsNoRegression() {
        CheckDecision d = DecisionRule.decide(rounds(-0.02, -0.021, -0.019, -0.02, -0.022, -0.018), 0.05, 0.01, 0.01);
        assertEquals(Outcome.NO_REGRESSION, d.outcome());
    }

    @Test
    void aClearSpeedUpIsAnImprovement() {
        assertEquals(Outcome.IMPROVEMENT, DecisionRule.decide(rounds(0.10, 0.11, 0.09, 0.10, 0.12, 0.08), 0.05, 0.01, 0.01).outcome());
    }

    @Test
    void noiseWiderThanTheThresholdIsUndecidedAndSaysHowManyRoundsWouldDo() {
        CheckDecision d = DecisionRule.decide(rounds(0.2, -0.2, 0.1, -0.15, 0.05, -0.1), 0.05, 0.01, 0.01);
        assertEquals(Outcome.UNDECIDED, d.outcome());
        assertTrue(d.replicatesNeeded() > 6, "rounds needed " + d.replicatesNeeded());
    }

    @Test
    void theIntervalIsAStudentTIntervalOfTheMeanLogRatio() {
        // mean 0, sd 1 over 4 rounds: SE 0.5; t(3) at 0.975 = 3.182446
        CheckDecision d = DecisionRule.decide(rounds(-1, 1, -1, 1), 0.05, 0.025, 0.025);
        double sd = Math.sqrt(4.0 / 3);
        assertEquals(Math.expm1(-3.182446 * sd / 2), d.low(), 1e-5);
        assertEquals(Math.expm1(3.182446 * sd / 2), d.high(), 1e-5);
        assertEquals(0.95, d.confidence(), 1e-12);
    }

    @Test
    void noRegressionMayBeDecidedAtItsOwnLevelWhileARegressionStillNeedsTheStricterOne() {
        // mean -1%, sd 2% over 6 rounds: SE 0.82%; t(5) at 0.975 = 2.571 gives -3.1% > -5%,
        // at 1 - 0.05/48 about 6.2 gives -6.1%: undecided at the regressions' level.
        LogChange change = rounds(-0.01, 0.01, -0.03, 0.01, -0.03, -0.01);
        assertEquals(Outcome.UNDECIDED, DecisionRule.decide(change, 0.05, 0.05 / 48, 0.05 / 48).outcome());
        CheckDecision d = DecisionRule.decide(change, 0.05, 0.05 / 48, 0.025);
        assertEquals(Outcome.NO_REGRESSION, d.outcome());
        assertEquals(0.95, d.confidence(), 1e-12, "the interval it was decided by");
        assertTrue(d.low() > -0.05, () -> "low " + d.low());
        // The same data 8% slower: the stricter level still finds the regression.
        LogChange slower = rounds(-0.09, -0.07, -0.11, -0.07, -0.11, -0.09);
        CheckDecision r = DecisionRule.decide(slower, 0.05, 0.05 / 48, 0.025);
        assertEquals(Outcome.REGRESSION, r.outcome());
        assertEquals(1 - 2 * 0.05 / 48, r.confidence(), 1e-12);
    }

    @Test
    void anUndecidedCheckShowsTheIntervalOfTheDecisionItIsNearer() {
        LogChange within = rounds(0.05, -0.12, 0.1, -0.15, 0.08, -0.06);
        CheckDecision d = DecisionRule.decide(within, 0.05, 0.001, 0.025);
        assertEquals(Outcome.UNDECIDED, d.outcome());
        assertEquals(0.95, d.confidence(), 1e-12, "estimate within the threshold: the no-regression interval");
        LogChange beyond = rounds(-0.05, -0.22, 0.0, -0.25, -0.02, -0.16);
        CheckDecision b = DecisionRule.decide(beyond, 0.05, 0.001, 0.025);
        assertEquals(Outcome.UNDECIDED, b.outcome());
        assertEquals(0.998, b.confidence(), 1e-12, "estimate beyond the threshold: the regressions' interval");
    }

    @Test
    void farOutRoundsAreShownNotDropped() {
        CheckDecision d = DecisionRule.decide(rounds(0.01, -0.01, 0.0, 0.02, -0.02, 0.01, -0.6), 0.05, 0.01, 0.01);
        assertEquals(List.of(7), d.outlierRounds());
        assertEquals(7, d.replicates());
    }

    @Test
    void thePlanSpendsAlphaEvenlyOverItsLooksAndChecks() {
        SequentialPlan plan = SequentialPlan.defaults(6);
        assertEquals(List.of(6, 12, 30), plan.lookRounds());
        assertEquals(0.05 / 18, plan.levelPerCheckAndLook(), 1e-15);
        assertEquals(0.05 / 3, plan.noRegressionLevel(), 1e-15, "no regression: over looks only");
        assertEquals(0.05 / 18, new SequentialPlan(6, 2, 30, 0.05, 6, SequentialPlan.NoRegressionLevel.AS_FOR_REGRESSIONS)
                .noRegressionLevel(), 1e-15, "documents before version 4");
        assertTrue(plan.isLook(12) && !plan.isLook(11));
    }

    @Test
    void aPlanFittedToTheBudgetSetsNoAlphaAsideForLooksItWillNotReach() {
        SequentialPlan plan = SequentialPlan.defaults(6);
        // 13 rounds fit: the look at 12 would see nearly what the last look at 13 sees.
        assertEquals(List.of(6, 13), plan.fitted(13).lookRounds());
        assertEquals(0.05 / 12, plan.fitted(13).levelPerCheckAndLook(), 1e-15);
        assertEquals(List.of(6, 12, 20), plan.fitted(20).lookRounds());
        assertEquals(List.of(6, 12, 30), plan.fitted(500).lookRounds(), "never beyond --max-rounds");
        assertEquals(List.of(6), plan.fitted(2).lookRounds(), "never before the first look");
    }

    @Test
    void thePlanCannotBeFittedOnceALookHasSpentAlpha() {
        PairedChecks<String> data = new PairedChecks<>(List.of("x"), c -> null);
        AutoSampling<String> sampling = new AutoSampling<>(data, new SequentialPlan(3, 2, 12, 0.05, 1, SequentialPlan.NoRegressionLevel.PER_CHECK),
                Map.of(new CheckKey<>("x", Metric.THROUGHPUT), 0.05));
        for (int round = 1; round <= 3; round++) {
            data.record(round, "x", 100, 100 + round);
            sampling.roundDone();
        }
        assertThrows(IllegalStateException.class, () -> sampling.fitRounds(5));
    }

    @Test
    void decisionsAreFinalAndLooksAreCounted() {
        SequentialPlan plan = new SequentialPlan(3, 2, 6, 0.05, 1, SequentialPlan.NoRegressionLevel.PER_CHECK);
        SequentialDecisions<String> decisions = new SequentialDecisions<>(plan, k -> 0.05);
        decisions.look(Map.of("a", rounds(-0.10, -0.11, -0.09)));
        Outcome first = decisions.decisions().get("a").outcome();
        decisions.look(Map.of("a", rounds(0.3, 0.31, 0.29, 0.3)));
        assertEquals(first, decisions.decisions().get("a").outcome());
        assertThrows(IllegalStateException.class, () -> decisions.look(Map.of()));
    }
}
