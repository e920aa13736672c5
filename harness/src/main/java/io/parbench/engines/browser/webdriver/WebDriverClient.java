package io.parbench.engines.browser.webdriver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A small client of a W3C WebDriver remote end (https://www.w3.org/TR/webdriver2/) over the
 * JDK's HTTP client: a local driver such as WebKitWebDriver, or any other endpoint that speaks
 * the protocol. Sessions are {@link WebDriverSession}s.
 */
public final class WebDriverClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the protocol asks of a body; a Selenium Grid refuses a body without the charset. */
    private static final String JSON_UTF8 = "application/json; charset=utf-8";
    /** Added to a command's own timeout, so that the remote end's timeout error arrives before ours. */
    private static final Duration MARGIN = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient http;

    /** @param base the remote end's URL, e.g. {@code http://127.0.0.1:4444} */
    public WebDriverClient(URI base) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** Whether the remote end is up and can create a session (GET /status). */
    public boolean ready() {
        try {
            return status().path("ready").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    /** What the remote end says of itself (GET /status): {@code ready}, {@code message}, and a Selenium Grid's {@code nodes}. */
    public JsonNode status() throws IOException {
        return command("GET", "status", null, Duration.ofSeconds(5));
    }

    /**
     * Creates a session (POST /session) with these capabilities to always match.
     *
     * @throws WebDriverException when the remote end refuses, e.g. "session not created" with why
     */
    public WebDriverSession newSession(Map<String, ?> alwaysMatch, Duration timeout) throws IOException {
        JsonNode created = command("POST", "session", Map.of("capabilities", Map.of("alwaysMatch", alwaysMatch)), timeout);
        return new WebDriverSession(this, created.path("sessionId").asText(), created.path("capabilities"));
    }

    /**
     * Sends one command and returns its {@code value}.
     *
     * @param body the JSON body, or null for GET and DELETE
     * @param timeout how long the command itself may take (a margin is added for the answer)
     */
    JsonNode command(String method, String path, Object body, Duration timeout) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout.plus(MARGIN));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(json(body))).header("Content-Type", JSON_UTF8);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new IOException("could not connect to " + base + " within " + CONNECT_TIMEOUT.toSeconds() + " s: check the address and"
                    + " that nothing (a firewall) is in between", e);
        } catch (HttpTimeoutException e) {
            throw new WebDriverException(WebDriverException.NO_ANSWER, method + " /" + path + " gave no answer within " + timeout.plus(MARGIN).toSeconds() + " s");
        } catch (ConnectException e) {
            // The JDK's client says nothing of its own here; its cause says why (most often: refused, nothing listens).
            Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
            throw new IOException("could not connect to " + base + " (" + (cause.getMessage() == null ? "connection refused"
                    : cause.getMessage().toLowerCase(Locale.ROOT)) + "): is a WebDriver server running there?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during " + method + " /" + path, e);
        }
        JsonNode value = parse(response.body()).path("value");
        if (response.statusCode() >= 400 || value.has("error")) {
            throw new WebDriverException(value.path("error").asText("HTTP " + response.statusCode()), value.path("message").asText(response.body()));
        }
        return value;
    }

    private static JsonNode parse(String body) throws IOException {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (JsonProcessingException e) {
            throw new IOException("the WebDriver answered something that is not JSON: " + body, e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("WebDriver parameters that are not JSON: " + body, e);
        }
    }
}
