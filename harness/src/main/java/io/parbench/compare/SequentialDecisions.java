package io.parbench.compare;

import io.parbench.change.CheckDecision;
import io.parbench.change.DecisionRule;
import io.parbench.change.LogChange;
import io.parbench.change.Outcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The checks of one comparison through the looks of a {@link SequentialPlan}: at every look each
 * undecided check is decided if its data allows; a decision, once made, is final (deciding again
 * later would spend alpha the plan has not set aside). Pure and deterministic, so the same
 * decisions can be recomputed from a comparison document.
 *
 * @param <K> what identifies a check
 */
public final class SequentialDecisions<K> {

    private final SequentialPlan plan;
    private final ToDoubleFunction<K> thresholds;
    private final Map<K, CheckDecision> latest = new LinkedHashMap<>();
    private int looksTaken;

    /** @param thresholds the smallest slowdown that counts for each check, e.g. 0.05 */
    public SequentialDecisions(SequentialPlan plan, ToDoubleFunction<K> thresholds) {
        this.plan = plan;
        this.thresholds = thresholds;
    }

    /** Whether the check still needs rounds: not yet decided. */
    public boolean undecided(K check) {
        CheckDecision d = latest.get(check);
        return d == null || !d.outcome().decided();
    }

    /**
     * One look at the undecided checks' data (checks already decided are ignored).
     *
     * @throws IllegalStateException when the plan's looks are used up: more looks would spend more alpha than it allows
     */
    public void look(Map<K, LogChange> data) {
        if (looksTaken >= plan.looks()) {
            throw new IllegalStateException("all " + plan.looks() + " looks of the plan are used");
        }
        looksTaken++;
        data.forEach((check, change) -> {
            if (undecided(check)) {
                latest.put(check, DecisionRule.decide(change, thresholds.applyAsDouble(check), plan.levelPerCheckAndLook(), plan.noRegressionLevel()));
            }
        });
    }

    public int looksTaken() {
        return looksTaken;
    }

    /** The latest decision of every check looked at so far. */
    public Map<K, CheckDecision> decisions() {
        return Collections.unmodifiableMap(latest);
    }

    public long count(Outcome outcome) {
        return latest.values().stream().filter(d -> d.outcome() == outcome).count();
    }
}
