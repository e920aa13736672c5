package io.parbench.compare;

import io.parbench.change.CheckDecision;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The auto-sampling rule, without any measuring: which configurations the next round needs (those
 * of undecided checks), when to look (the plan's rounds), and the last look when sampling stops
 * early (budget spent) between two scheduled looks. The round scheduler and the simulations drive
 * it the same way, and replaying a document's rounds through it recomputes its decisions.
 *
 * @param <C> the configuration type
 */
public final class AutoSampling<C> {

    private final PairedChecks<C> data;
    private final Map<CheckKey<C>, Double> thresholds;
    /** The plan as given, up to --max-rounds; {@link #plan} is it fitted to the budget. */
    private final SequentialPlan planned;
    private SequentialPlan plan;
    private SequentialDecisions<CheckKey<C>> decisions;
    private final Set<C> failed = new HashSet<>();
    private int rounds;
    private int lastLookRound;

    public AutoSampling(PairedChecks<C> data, SequentialPlan plan, Map<CheckKey<C>, Double> thresholds) {
        this.data = data;
        this.thresholds = Map.copyOf(thresholds);
        this.planned = plan;
        this.plan = plan;
        this.decisions = new SequentialDecisions<>(plan, this.thresholds::get);
    }

    /**
     * Plans no more rounds than the budget holds ({@link SequentialPlan#fitted}), again each time it
     * is asked before the first look: the given plan fitted anew, never beyond its last round.
     *
     * @throws IllegalStateException after the first look: alpha already spent under the old plan
     */
    public void fitRounds(int roundsThatFit) {
        if (decisions.looksTaken() > 0) {
            throw new IllegalStateException("the plan can only be fitted before its first look");
        }
        plan = planned.fitted(roundsThatFit);
        decisions = new SequentialDecisions<>(plan, thresholds::get);
    }

    public PairedChecks<C> data() {
        return data;
    }

    public SequentialPlan plan() {
        return plan;
    }

    /** Configurations the next round measures; empty when sampling is over (all decided, or the plan's last round done). */
    public Set<C> nextRound() {
        if (rounds >= plan.maxRounds()) {
            return Set.of();
        }
        return data.needed(this::open);
    }

    /** A configuration that failed (crash, checksum mismatch) gets no more rounds, and its checks no decision. */
    public void failed(C configuration) {
        failed.add(configuration);
    }

    public boolean hasFailed(C configuration) {
        return failed.contains(configuration);
    }

    /** The round whose values were just recorded is complete: look if the plan says so. */
    public void roundDone() {
        rounds++;
        if (plan.isLook(rounds)) {
            look();
        }
    }

    /**
     * Sampling stops (budget spent or nothing left to decide): if rounds were added since the last
     * look, take one more look, in place of the scheduled looks that will now never happen.
     */
    public void finish() {
        if (rounds > lastLookRound && rounds >= 2 && decisions.looksTaken() < plan.looks()) {
            look();
        }
    }

    private void look() {
        decisions.look(data.changes(this::open, rounds));
        lastLookRound = rounds;
    }

    /** Undecided and readable: none of its configurations failed. */
    private boolean open(CheckKey<C> check) {
        return decisions.undecided(check) && data.configurationsOf(check).stream().noneMatch(failed::contains);
    }

    public int rounds() {
        return rounds;
    }

    /** Round counts at which looks were taken, for the document. */
    public int looksTaken() {
        return decisions.looksTaken();
    }

    public Map<CheckKey<C>, CheckDecision> decisions() {
        return decisions.decisions();
    }

    public List<CheckKey<C>> checks() {
        return data.checks();
    }

    /** Checks decided so far (for progress). */
    public long decided() {
        return decisions.decisions().values().stream().filter(d -> d.outcome().decided()).count();
    }
}
