package io.parbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.results.ComparisonSide;
import io.parbench.results.Configuration;
import io.parbench.results.ForkResult;
import io.parbench.results.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the machine took from a fork, and the rule that sets a contended pair aside. */
class ContentionTest {

    private static ForkResult fork(int workers, Double runQueueShare) {
        return fork(workers, runQueueShare, null);
    }

    private static ForkResult fork(int workers, Double runQueueShare, Double otherProcessesShare) {
        return new ForkResult(new Configuration("native", "sum", null, 4096, workers), ComparisonSide.CURRENT, 1, Status.OK, null,
                List.of(1.0), List.of(0), null, null, null, runQueueShare, otherProcessesShare);
    }

    @Test
    void whoTookTheCpusIsToldByWhatOtherProcessesUsed() {
        assertTrue(Contention.whoTookTheCpus(List.of(fork(2, 0.4, 0.05), fork(1, 0.35, 0.6)))
                .startsWith("other work on the machine (processes outside these forks used up to 60%"), "the highest counts");
        assertTrue(Contention.whoTookTheCpus(List.of(fork(2, 0.4, 0.05), fork(1, 0.35, null)))
                .startsWith("these forks' own threads beside their workers (processes outside them used at most 5%"));
        assertTrue(Contention.whoTookTheCpus(List.of(fork(2, 0.4, Contention.OTHER_WORK_SHARE)))
                .startsWith("these forks' own threads"), "at the threshold is not beyond it");
        assertEquals("other work on the machine, or the fork's own threads beside its workers when they outnumber the cores",
                Contention.whoTookTheCpus(List.of(fork(2, 0.4, null))), "unknown: both named");
    }

    @Test
    void whatWorkersBeyondTheCoresWaitByThemselvesIsNotTheMachinesDoing() {
        assertEquals(0.3, Contention.machineShare(fork(2, 0.3), 2), 1e-12);
        assertEquals(0.0, Contention.machineShare(fork(4, 0.48), 2), 1e-12, "4 busy workers on 2 cores wait half their time alone");
        assertEquals(0.2, Contention.machineShare(fork(4, 0.7), 2), 1e-12);
        assertNull(Contention.machineShare(fork(2, null), 2));
        assertFalse(Contention.contended(Contention.machineShare(fork(4, 0.55), 2)));
        assertTrue(Contention.contended(Contention.machineShare(fork(1, 0.31), 2)));
        assertFalse(Contention.contended(Contention.machineShare(fork(2, 0.25), 2)), "what quiet forks wait on 2 cores");
    }

    @Test
    void aPairIsSetAsideWhenEitherSideWaitedBeyondTheLimitAndOnlyWithTheRuleOn() {
        assertTrue(Contention.setsAside(0.1, 0.02, 0.15));
        assertTrue(Contention.setsAside(0.1, 0.15, null));
        assertFalse(Contention.setsAside(0.1, 0.1, 0.05), "at the limit is not beyond it");
        assertFalse(Contention.setsAside(0.1, null, null), "unknown shares never set a pair aside");
        assertFalse(Contention.setsAside(null, 0.9, 0.9), "the rule is off");
    }
}
