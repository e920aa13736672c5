package io.parbench.engines.browser.remote;

import io.parbench.engines.browser.BrowserLocator;
import io.parbench.engines.browser.ChildProcess;
import io.parbench.engines.browser.WorkFolder;
import io.parbench.engines.browser.webdriver.WebDriverClient;
import io.parbench.engines.browser.webkit.VirtualDisplay;
import io.parbench.engines.browser.webkit.WebKitDriver;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stand-alone WebDriver server started as a remote machine's node would run it: chromedriver,
 * or WebKitWebDriver on an Xvfb of its own with SharedArrayBuffer on. Parbench only gets its URL
 * and the capabilities a Grid node would be configured with.
 */
public final class WebDriverNode implements AutoCloseable {

    private final WorkFolder folder = new WorkFolder("parbench-node-");
    private final VirtualDisplay display;
    private final ChildProcess server;
    private final URI url;
    private final Map<String, Object> capabilities;

    private WebDriverNode(String executable, Map<String, Object> capabilities, boolean needsDisplay) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(folder.environment());
        display = needsDisplay ? VirtualDisplay.start(env, folder.path()) : null;
        if (display != null) {
            env.put("DISPLAY", display.display());
            env.put(WebKitDriver.SHARED_ARRAY_BUFFER, "1");
        }
        int port = freePort();
        String path = BrowserLocator.findOnPath(executable).orElseThrow(() -> new IOException(executable + " is not on PATH")).toString();
        server = ChildProcess.start(executable, List.of(path, "--port=" + port), env, folder.path());
        url = URI.create("http://127.0.0.1:" + port);
        this.capabilities = capabilities;
        awaitReady();
    }

    /** chromedriver with the distribution's Chromium, headless (this machine has no display for it). */
    public static WebDriverNode chromedriver() throws Exception {
        return new WebDriverNode("chromedriver", Map.of("goog:chromeOptions",
                Map.of("binary", "/usr/bin/chromium", "args", List.of("--headless=new", "--no-sandbox"))), false);
    }

    /** WebKitWebDriver starting WebKitGTK's MiniBrowser. */
    public static WebDriverNode webKitWebDriver() throws Exception {
        String miniBrowser = BrowserLocator.locate(io.parbench.engines.browser.BrowserKind.WEBKIT, null, () -> null)
                .executable().toString();
        return new WebDriverNode("WebKitWebDriver", Map.of("webkitgtk:browserOptions",
                Map.of("binary", miniBrowser, "args", List.of("--automation"))), true);
    }

    public URI url() {
        return url;
    }

    /** What a Grid node would be configured with for this browser. */
    public Map<String, Object> capabilities() {
        return capabilities;
    }

    /** The WebDriver server's process: the browsers it starts are its descendants. */
    ProcessHandle process() {
        return server.handle();
    }

    /** Kills every browser the server started, as a crash on the remote machine would. */
    void killBrowsers() {
        List<ProcessHandle> browsers = server.handle().descendants().toList();
        browsers.forEach(ProcessHandle::destroyForcibly);
        // Not join(): a killed browser its driver has not reaped yet stays a zombie, "alive".
        browsers.forEach(browser -> browser.onExit().completeOnTimeout(browser, 5, TimeUnit.SECONDS).join());
    }

    @Override
    public void close() {
        server.close();
        if (display != null) {
            display.close();
        }
        folder.delete();
    }

    private void awaitReady() throws IOException {
        WebDriverClient client = new WebDriverClient(url);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!client.ready()) {
            if (!server.alive() || System.nanoTime() > deadline) {
                close();
                throw new IOException(server.describe() + " did not become ready: " + server.lastLines());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    /** A port nothing listens on now, for a server to take. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
