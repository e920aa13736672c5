package io.parbench.engines.browser.webdriver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One WebDriver session: windows, navigation and scripts, each command with its own timeout. */
public final class WebDriverSession {

    private static final Duration COMMAND = Duration.ofSeconds(30);

    private final WebDriverClient client;
    private final String id;
    private final JsonNode capabilities;

    WebDriverSession(WebDriverClient client, String id, JsonNode capabilities) {
        this.client = client;
        this.id = id;
        this.capabilities = capabilities;
    }

    public String id() {
        return id;
    }

    /** The capabilities the remote end granted (browserName, browserVersion, …). */
    public JsonNode capabilities() {
        return capabilities;
    }

    /** The current window's handle. */
    public String windowHandle() throws IOException {
        return command("GET", "window", null, COMMAND).asText();
    }

    /**
     * Opens a new window and returns its handle (it does not become current). A window, not a tab:
     * WebKitGTK keeps a new tab hidden even once it is current, and browsers throttle hidden pages.
     */
    public String newWindow() throws IOException {
        return command("POST", "window/new", Map.of("type", "window"), COMMAND).path("handle").asText();
    }

    public void switchToWindow(String handle) throws IOException {
        command("POST", "window", Map.of("handle", handle), COMMAND);
    }

    /** Closes the current window. */
    public void closeWindow() throws IOException {
        command("DELETE", "window", null, COMMAND);
    }

    /** How long scripts and page loads may take from now on. */
    public void setTimeouts(Duration script, Duration pageLoad) throws IOException {
        command("POST", "timeouts", Map.of("script", script.toMillis(), "pageLoad", pageLoad.toMillis()), COMMAND);
    }

    /** Navigates the current window and waits for the page to load (within the page-load timeout). */
    public void navigate(URI url, Duration pageLoad) throws IOException {
        command("POST", "url", Map.of("url", url.toString()), pageLoad);
    }

    /** Runs a script body ({@code return …}) and returns its value. */
    public JsonNode execute(String script, List<?> args, Duration timeout) throws IOException {
        return command("POST", "execute/sync", Map.of("script", script, "args", args), timeout);
    }

    /** Runs a script body whose last argument is the callback that ends it, and returns what it was called with. */
    public JsonNode executeAsync(String script, List<?> args, Duration timeout) throws IOException {
        return command("POST", "execute/async", Map.of("script", script, "args", args), timeout);
    }

    /** Ends the session (the remote end closes its browser). */
    public void delete(Duration timeout) throws IOException {
        client.command("DELETE", "session/" + id, null, timeout);
    }

    private JsonNode command(String method, String path, Object body, Duration timeout) throws IOException {
        return client.command(method, "session/" + id + "/" + path, body, timeout);
    }
}
