package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.engines.browser.ServeAddress;
import io.parbench.engines.browser.remote.WebDriverNode;
import io.parbench.results.ComparisonDocument;
import io.parbench.results.ComparisonFiles;
import io.parbench.results.FactKeys;
import io.parbench.results.ForkResult;
import io.parbench.results.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** parbench compare against a browser on "another machine": chromedriver stands in for the remote node. */
class RemoteCompareTest {

    private static final String SIDE_A_AGENT = "parbench-side-a";

    @TempDir
    Path temp;

    /**
     * Both sides' pages run in the remote browser; side A's sessions get --baseline-capability on
     * top of --capability (here a user agent of its own, which A's pages then report). The 50%
     * threshold keeps this A/A comparison from ever deciding a regression: what is tested is that
     * both sides ran there, with correct checksums, and that A got its capability.
     */
    @Test
    void bothSidesRunOnTheRemoteBrowserAndSideAGetsItsCapability() throws Exception {
        try (WebDriverNode node = WebDriverNode.chromedriver()) {
            CommandRun run = CommandRun.of("compare", "--webdriver-url", node.url().toString(), "--browser", "chromium",
                    "--capability", "goog:chromeOptions=" + chromeOptions(node, List.of()),
                    "--baseline-capability", "goog:chromeOptions=" + chromeOptions(node, List.of("--user-agent=" + SIDE_A_AGENT)),
                    "--serve-address", ServeAddress.nonLoopback().getFirst().getHostAddress(), "--kernels", "nbody", "--workers", "1",
                    "--warmup", "0", "--iterations", "2", "--iteration-time", "50", "--budget", "15s", "--max-rounds", "6",
                    "--threshold", "50%", "--out", temp.toString());
            assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
            assertTrue(run.err().contains("Comparing A (--baseline-capability goog:chromeOptions="), run.err());

            ComparisonDocument doc = ComparisonFiles.read(temp.resolve("comparison.json"));
            assertEquals(node.url().toString(), doc.environment().engines().get("chromium").facts().get(FactKeys.WEBDRIVER_URL));
            String agentA = doc.setup().baseline().engines().get("chromium").browser().userAgent();
            String agentB = doc.setup().current().engines().get("chromium").browser().userAgent();
            assertEquals(SIDE_A_AGENT, agentA, "side A's pages run with its capability");
            assertFalse(agentB.contains(SIDE_A_AGENT), "side B's do not: " + agentB);

            List<ForkResult> forks = doc.rounds().stream().flatMap(round -> round.forks().stream()).toList();
            assertFalse(doc.rounds().isEmpty(), "at least one round in the budget");
            assertEquals(2 * doc.rounds().size(), forks.size(), "one fork per side in every round");
            for (ForkResult fork : forks) {
                assertEquals(Status.OK, fork.status(), fork.toString());
                assertEquals(fork.expectedChecksum(), fork.checksum(), "the remote page computes the reference answer");
            }
        }
    }

    /** The node's Chromium options as the command line's JSON, with {@code extraArgs} added. */
    private static String chromeOptions(WebDriverNode node, List<String> extraArgs) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> options = new LinkedHashMap<>((Map<String, Object>) node.capabilities().get("goog:chromeOptions"));
        @SuppressWarnings("unchecked")
        List<String> args = new ArrayList<>((List<String>) options.get("args"));
        args.addAll(extraArgs);
        options.put("args", args);
        return new ObjectMapper().writeValueAsString(options);
    }
}
