package io.parbench.engines.browser.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.engines.browser.BrowserLocator;
import io.parbench.engines.browser.ChildProcess;
import io.parbench.engines.browser.WorkFolder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A real Selenium Grid 4 (the test-scoped {@code org.seleniumhq.selenium:selenium-grid}), each
 * component a JVM of its own started from the test class path, as a user starts it from the
 * Grid's jars: a standalone server with a Chromium slot, or a hub that nodes join. Everything
 * listens on loopback on ports of its own (the hub's event bus too), so Grids can run side by
 * side. Chromium nodes run Debian's chromedriver through a driver configuration; a WebKit node
 * relays to a WebKitWebDriver ({@link WebDriverNode}), the Grid's way to a WebDriver server it
 * has no driver class for. Every wait ends when the Grid's /status says so.
 */
public final class SeleniumGrid implements AutoCloseable {

    /** The test class path, written by the build (maven-dependency-plugin, harness/pom.xml). */
    private static final Path CLASS_PATH = Path.of("target", "test-classpath.txt");
    /** Only bounds a Grid that never comes up. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkFolder folder = new WorkFolder("parbench-grid-");
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI url;
    private final int port;
    /** The hub's event bus (publish, subscribe), which nodes join. */
    private final List<String> eventBus;
    private final List<Node> nodes = new ArrayList<>();
    private ChildProcess server;

    /** A node of the hub: its JVM and, for a relay, the WebDriver server it relays to. */
    public record Node(ChildProcess process, URI url, WebDriverNode relayed) {
        /** Its JVM, its driver and their browsers killed at once, as when its machine dies. */
        void stop() {
            process.close();
            if (relayed != null) {
                relayed.close();
            }
        }
    }

    private SeleniumGrid(List<String> eventBus) throws IOException {
        this.port = WebDriverNode.freePort();
        this.url = URI.create("http://127.0.0.1:" + port);
        this.eventBus = eventBus;
    }

    /** A standalone Grid (router, distributor and its node in one JVM) with two Chromium slots: compare holds a session per side. */
    public static SeleniumGrid standalone() throws IOException {
        return standalone(2);
    }

    /** A standalone Grid with two Chromium slots that runs at most {@code maxSessions} sessions at once. */
    public static SeleniumGrid standalone(int maxSessions) throws IOException {
        SeleniumGrid grid = new SeleniumGrid(List.of());
        return grid.started(() -> {
            grid.server = grid.start("standalone", grid.port, grid.withGridTimes(List.of("--config", grid.chromiumConfig(2, maxSessions)
                    .toString())));
            grid.awaitStatus(status -> status.path("ready").asBoolean(false), "the standalone Grid to be ready");
        });
    }

    /** A hub without nodes: add them with {@link #addChromiumNode()} and {@link #addWebKitNode()}. */
    public static SeleniumGrid hub() throws IOException {
        SeleniumGrid grid = new SeleniumGrid(List.of("tcp://127.0.0.1:" + WebDriverNode.freePort(),
                "tcp://127.0.0.1:" + WebDriverNode.freePort()));
        return grid.started(() -> {
            grid.server = grid.start("hub", grid.port, grid.withGridTimes(List.of("--publish-events", grid.eventBus.get(0),
                    "--subscribe-events", grid.eventBus.get(1))));
            grid.awaitStatus(status -> status.has("nodes"), "the hub to answer");
        });
    }

    /** A node with one Chromium slot (chromedriver), once the hub counts it as up. */
    public Node addChromiumNode() throws IOException {
        return addNode(chromiumConfig(1, 1), null);
    }

    /** A node with one WebKitGTK slot: a relay to a WebKitWebDriver of its own, once the hub counts it as up. */
    public Node addWebKitNode() throws Exception {
        WebDriverNode webKitWebDriver = WebDriverNode.webKitWebDriver();
        try {
            return addNode(write("webkit-node", 1, """
                    [relay]
                    url = "%s"
                    status-endpoint = "/status"
                    configs = ["1", '{"browserName": "MiniBrowser", "platformName": "linux"}']
                    """.formatted(webKitWebDriver.url())), webKitWebDriver);
        } catch (IOException e) {
            webKitWebDriver.close();
            throw e;
        }
    }

    public URI url() {
        return url;
    }

    /**
     * The node dies as its machine would (see {@link Node#stop}); returns once the hub counts it as
     * down or gone, as it would a while later in real life: until then the hub would still offer
     * its slot, and send a new session there.
     */
    public void kill(Node node) throws IOException {
        node.stop();
        awaitStatus(status -> status.path("nodes").valueStream()
                .noneMatch(n -> n.path("uri").asText().equals(node.url().toString()) && n.path("availability").asText().equals("UP")),
                "the hub to count the node at " + node.url() + " as down");
    }

    /** The capabilities a Chromium session on these nodes needs: headless, as they have no display. */
    public static Map<String, Object> chromiumCapabilities() {
        return Map.of("goog:chromeOptions", Map.of("args", List.of("--headless=new", "--no-sandbox")));
    }

    /** The Grid's GET /status value, or null while it does not answer. */
    public JsonNode status() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve("/status")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).path("value");
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The ids of the sessions the Grid's slots hold now. */
    public List<String> sessionIds() {
        JsonNode status = status();
        return status == null ? List.of() : status.path("nodes").valueStream().flatMap(node -> node.path("slots").valueStream())
                .map(slot -> slot.path("session").path("sessionId").asText("")).filter(id -> !id.isEmpty()).toList();
    }

    /** Waits until the session has {@code count} windows: parbench opens one for each page, beside its first. */
    public void awaitWindows(String sessionId, int count) throws IOException {
        awaitStatus(status -> {
            try {
                HttpResponse<String> handles = http.send(HttpRequest.newBuilder(url.resolve("/session/" + sessionId + "/window/handles"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                return JSON.readTree(handles.body()).path("value").size() >= count;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, count + " windows in session " + sessionId);
    }

    @Override
    public void close() {
        nodes.forEach(Node::stop);
        if (server != null) {
            server.close();
        }
        folder.delete();
    }

    private Node addNode(Path config, WebDriverNode relayed) throws IOException {
        int nodePort = WebDriverNode.freePort();
        URI nodeUrl = URI.create("http://127.0.0.1:" + nodePort);
        Node node = new Node(start("node", nodePort, List.of("--publish-events", eventBus.get(0), "--subscribe-events", eventBus.get(1),
                "--config", config.toString())), nodeUrl, relayed);
        nodes.add(node);
        awaitStatus(status -> status.path("nodes").valueStream()
                .anyMatch(n -> n.path("uri").asText().equals(nodeUrl.toString()) && n.path("availability").asText().equals("UP")),
                "the node at " + nodeUrl + " to be up");
        return node;
    }

    /**
     * {@code options} with the Grid's health checks every 2 s (120 by default), so that a killed node
     * is soon down. Its session-request timeout stays at its default (300 s): a session request that
     * parbench should not have queued still fails the test, and a slow machine (one core, busy)
     * that takes over a minute to start a browser through the Grid does not.
     */
    private List<String> withGridTimes(List<String> options) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of("--healthcheck-interval", "2"));
        return all;
    }

    private Path chromiumConfig(int slots, int maxSessions) throws IOException {
        String chromedriver = BrowserLocator.findOnPath("chromedriver").orElseThrow(() -> new IOException("chromedriver is not on PATH"))
                .toString();
        return write("chromium-node", maxSessions, """
                [[node.driver-configuration]]
                display-name = "chromium"
                webdriver-executable = "%s"
                max-sessions = %d
                stereotype = '{"browserName": "chrome", "platformName": "linux"}'
                """.formatted(chromedriver, slots));
    }

    /**
     * A node's configuration file: no driver found on its own, nothing downloaded, {@code maxSessions}
     * sessions at once whatever the cores this JVM sees: a Grid takes their count as a node's most
     * sessions otherwise, so under {@code taskset -c 0} a standalone with two Chromium slots ran one
     * session at a time, and compare's second side waited in its queue until it timed out.
     */
    private Path write(String name, int maxSessions, String drivers) throws IOException {
        Path file = Files.createTempFile(folder.path(), name, ".toml");
        Files.writeString(file, """
                [node]
                detect-drivers = false
                selenium-manager = false
                override-max-sessions = true
                max-sessions = %d
                """.formatted(maxSessions) + drivers);
        return file;
    }

    private ChildProcess start(String role, int listenPort, List<String> options) throws IOException {
        // A Grid here lives for a test class or less: the quick compiler and the serial collector start
        // it on less CPU than a long-lived server's defaults, and the tests' own pages need that CPU.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", Files.readString(CLASS_PATH).strip(), "org.openqa.selenium.grid.Bootstrap", role,
                "--host", "127.0.0.1", "--port", String.valueOf(listenPort)));
        command.addAll(options);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(folder.environment());
        return ChildProcess.start("selenium-grid-" + role, command, env, folder.path());
    }

    private interface Startup {
        void run() throws IOException;
    }

    /** This Grid once {@code startup} has run; everything it started is stopped if it failed. */
    private SeleniumGrid started(Startup startup) throws IOException {
        try {
            startup.run();
            return this;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void awaitStatus(Predicate<JsonNode> condition, String what) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            JsonNode status = status();
            if (status != null && condition.test(status)) {
                return;
            }
            if (!server.alive() || System.nanoTime() > deadline) {
                throw new IOException("waited in vain for " + what + ": " + server.describe() + " " + server.exitDescription() + ": "
                        + String.join(" | ", server.lastLines()));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}
