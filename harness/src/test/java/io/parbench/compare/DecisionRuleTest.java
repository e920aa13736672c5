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
        CheckDecision d = DecisionRule.decide(rounds(-0.10, -0.11, -0.09, -0.10, -0.12, -0.08), 0.05, 0.01);
        assertEquals(Outcome.REGRESSION, d.outcome());
        assertTrue(d.high() < 0 && d.change() < -0.05);
        assertNull(d.replicatesNeeded());
    }

    @Test
    void aSignificantSlowdownWithinTheThresholdIsNoRegression() {
        CheckDecision d = DecisionRule.decide(rounds(-0.02, -0.021, -0.019, -0.02, -0.022, -0.018), 0.05, 0.01);
        assertEquals(Outcome.NO_REGRESSION, d.outcome());
    }

    @Test
    void aClearSpeedUpIsAnImprovement() {
        assertEquals(Outcome.IMPROVEMENT, DecisionRule.decide(rounds(0.10, 0.11, 0.09, 0.10, 0.12, 0.08), 0.05, 0.01).outcome());
    }

    @Test
    void noiseWiderThanTheThresholdIsUndecidedAndSaysHowManyRoundsWouldDo() {
        CheckDecision d = DecisionRule.decide(rounds(0.2, -0.2, 0.1, -0.15, 0.05, -0.1), 0.05, 0.01);
        assertEquals(Outcome.UNDECIDED, d.outcome());
        assertTrue(d.replicatesNeeded() > 6, "rounds needed " + d.replicatesNeeded());
    }

    @Test
    void theIntervalIsAStudentTIntervalOfTheMeanLogRatio() {
        // mean 0, sd 1 over 4 rounds: SE 0.5; t(3) at 0.975 = 3.182446
        CheckDecision d = DecisionRule.decide(rounds(-1, 1, -1, 1), 0.05, 0.025);
        double sd = Math.sqrt(4.0 / 3);
        assertEquals(Math.expm1(-3.182446 * sd / 2), d.low(), 1e-5);
        assertEquals(Math.expm1(3.182446 * sd / 2), d.high(), 1e-5);
        assertEquals(0.95, d.confidence(), 1e-12);
    }

    @Test
    void farOutRoundsAreShownNotDropped() {
        CheckDecision d = DecisionRule.decide(rounds(0.01, -0.01, 0.0, 0.02, -0.02, 0.01, -0.6), 0.05, 0.01);
        assertEquals(List.of(7), d.outlierRounds());
        assertEquals(7, d.replicates());
    }

    @Test
    void thePlanSpendsAlphaEvenlyOverItsLooksAndChecks() {
        SequentialPlan plan = SequentialPlan.defaults(6);
        assertEquals(List.of(6, 12, 30), plan.lookRounds());
        assertEquals(0.05 / 18, plan.levelPerCheckAndLook(), 1e-15);
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
        AutoSampling<String> sampling = new AutoSampling<>(data, new SequentialPlan(3, 2, 12, 0.05, 1),
                Map.of(new CheckKey<>("x", Metric.THROUGHPUT), 0.05));
        for (int round = 1; round <= 3; round++) {
            data.record(round, "x", 100, 100 + round);
            sampling.roundDone();
        }
        assertThrows(IllegalStateException.class, () -> sampling.fitRounds(5));
    }

    @Test
    void decisionsAreFinalAndLooksAreCounted() {
        SequentialPlan plan = new SequentialPlan(3, 2, 6, 0.05, 1);
        SequentialDecisions<String> decisions = new SequentialDecisions<>(plan, k -> 0.05);
        decisions.look(Map.of("a", rounds(-0.10, -0.11, -0.09)));
        Outcome first = decisions.decisions().get("a").outcome();
        decisions.look(Map.of("a", rounds(0.3, 0.31, 0.29, 0.3)));
        assertEquals(first, decisions.decisions().get("a").outcome());
        assertThrows(IllegalStateException.class, () -> decisions.look(Map.of()));
    }
}
