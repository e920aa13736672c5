package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.engines.browser.remote.WebDriverNode;
import io.parbench.results.Environment;
import io.parbench.results.FactKeys;
import io.parbench.results.ResultsReader;
import io.parbench.results.RunDocument;
import io.parbench.results.Status;
import io.parbench.serving.ServeAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** parbench run against a browser on "another machine": chromedriver stands in for the remote node. */
class RemoteRunTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run --browser safari                                          | --browser safari runs only on another machine",
        "run --capability platformName=mac                             | --capability and --serve-address are for a browser on another machine",
        "run --serve-address 127.0.0.1                                 | --capability and --serve-address are for a browser on another machine",
        "run --webdriver-url ftp://grid.example                        | --webdriver-url must be an http(s) URL",
        "run --webdriver-url grid:4444                                 | --webdriver-url must be an http(s) URL",
        "run --webdriver-url http://127.0.0.1:9 --serve-address 203.0.113.7 | --serve-address 203.0.113.7 is not an IP address of this machine",
        "run --webdriver-url http://127.0.0.1:9 --serve-address grid.example | --serve-address grid.example is not an IP address of this machine",
        "run --webdriver-url http://127.0.0.1:9 --serve-address fade   | --serve-address fade is not an IP address of this machine",
        "run --webdriver-url http://127.0.0.1:9 --engines jvm,chromium | With --webdriver-url only the remote chromium is measured",
        "run --webdriver-url http://127.0.0.1:9 --capability x={bad    | --capability value {bad is not valid JSON",
        "run --webdriver-url http://127.0.0.1:9 --browser opera        | Unknown browser 'opera'",
    })
    void badRemoteOptionsAreOneSentenceAndExitCode2(String args, String expected) {
        CommandRun run = CommandRun.of(args.split(" +"));
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void anUnreachableWebDriverIsNamedWithItsFix() {
        CommandRun run = CommandRun.of("run", "--webdriver-url", "http://127.0.0.1:9", "--kernels", "sum", "--out", temp.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("the WebDriver at http://127.0.0.1:9 gave no chromium session: could not connect to"
                + " http://127.0.0.1:9/ (connection refused): is a WebDriver server running there?"), run.err());
        assertFalse(run.err().contains("(no message)"), run.err());
    }

    @Test
    void doctorChecksTheRemoteBrowserOverTheHttpsRoute() throws Exception {
        try (WebDriverNode node = WebDriverNode.chromedriver()) {
            CommandRun run = CommandRun.of("doctor", "--webdriver-url", node.url().toString(), "--browser", "chromium",
                    "--capability", "goog:chromeOptions=" + chromeOptions(node), "--serve-address", lanAddress());
            assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("engine chromium:"), run.out());
            assertFalse(run.out().contains("engine native:"), "only the remote browser is checked: " + run.out());
            assertTrue(run.out().contains("driven by W3C WebDriver (remote)"), run.out());
            assertFalse(run.out().contains("✗"), run.out());
        }
    }

    @Test
    void aRemoteBrowserThatRejectsTheCertificateIsNamedWithItsFix() throws Exception {
        try (WebDriverNode node = WebDriverNode.chromedriver()) {
            CommandRun run = CommandRun.of("doctor", "--webdriver-url", node.url().toString(), "--browser", "chromium",
                    "--capability", "goog:chromeOptions=" + chromeOptions(node), "--serve-address", lanAddress(),
                    "--capability", "acceptInsecureCerts=false");
            assertEquals(ExitCodes.FAILURES, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("✗ Launches and answers the probe page"), run.out());
            assertTrue(run.out().contains("its window shows its error page chrome-error://"), "said at once, not after a timeout: " + run.out());
            assertTrue(run.out().contains("check that the remote browser reaches https://" + lanAddress() + ":"), run.out());
            assertTrue(run.out().contains("accepts the run's self-signed certificate (the acceptInsecureCerts capability"), run.out());
        }
    }

    @Test
    void aRunOnARemoteBrowserRecordsThatMachineAndItsBrowser() throws Exception {
        try (WebDriverNode node = WebDriverNode.chromedriver()) {
            CommandRun run = CommandRun.of("run", "--webdriver-url", node.url().toString(), "--browser", "chromium",
                    "--capability", "goog:chromeOptions=" + chromeOptions(node), "--serve-address", lanAddress(), "--kernels", "nbody", "--workers", "1,2",
                    "--forks", "1", "--warmup", "0", "--iterations", "2", "--iteration-time", "1", "--out", temp.toString());
            assertEquals(ExitCodes.OK, run.exitCode(), run.err());

            RunDocument doc = ResultsReader.read(temp.resolve("results.json"));
            Environment machine = doc.environment();
            var chromium = machine.engines().get("chromium");
            assertEquals(node.url().toString(), chromium.facts().get(FactKeys.WEBDRIVER_URL));
            assertEquals(chromium.browser().hardwareConcurrency(), machine.logicalCores(), "the remote machine's cores");
            assertEquals(chromium.facts().get(FactKeys.REMOTE_PLATFORM), machine.arch());
            assertTrue(chromium.browser().crossOriginIsolated());
            assertTrue(doc.configurations().stream().allMatch(c -> c.status() == Status.OK), doc.configurations().toString());

            String report = Files.readString(temp.resolve("report.html"));
            assertTrue(report.contains("W3C WebDriver (remote)"), "the report names how the browser was reached");
            assertTrue(report.contains(node.url().toString()), "the report names the remote endpoint");
            assertTrue(report.contains(chromium.browser().version()), "the report names the remote browser's version");
            assertTrue(report.contains("<title>parbench report: 127.0.0.1</title>"), "the host is the WebDriver endpoint's");
            assertTrue(report.contains("127.0.0.1 (" + machine.arch() + ", chromium " + chromium.browser().version() + ")"),
                    "the run is labelled by its remote platform and browser");
        }
    }

    /** WebKitGTK tells pages 4 cores on this 2-core machine: a sweep up to 4 shows the remote count is the one used. */
    @Test
    void workerSweepsGoUpToTheRemoteMachinesCores() throws Exception {
        try (WebDriverNode node = WebDriverNode.webKitWebDriver()) {
            String options = new ObjectMapper().writeValueAsString(node.capabilities().get("webkitgtk:browserOptions"));
            CommandRun run = CommandRun.of("run", "--webdriver-url", node.url().toString(), "--browser", "webkit",
                    "--capability", "webkitgtk:browserOptions=" + options, "--serve-address", lanAddress(), "--kernels", "forkjoin",
                    "--sizes", "1024", "--workers", "quick", "--forks", "1", "--warmup", "0", "--iterations", "1",
                    "--iteration-time", "1", "--out", temp.toString());
            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            RunDocument doc = ResultsReader.read(temp.resolve("results.json"));
            int remoteCores = doc.environment().engines().get("webkit").browser().hardwareConcurrency();
            assertEquals(remoteCores, doc.environment().logicalCores());
            assertEquals(remoteCores, doc.configurations().stream().mapToInt(c -> c.configuration().workers()).max().orElseThrow(),
                    "'quick' is 1, 2 and the remote machine's cores");
        }
    }

    /** The node's Chromium options as the command line's JSON. */
    private static String chromeOptions(WebDriverNode node) throws Exception {
        return new ObjectMapper().writeValueAsString(node.capabilities().get("goog:chromeOptions"));
    }

    private static String lanAddress() {
        return ServeAddress.nonLoopback().getFirst().getHostAddress();
    }
}
