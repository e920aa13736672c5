package io.parbench.engines.browser.bidi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small WebDriver BiDi client (https://w3c.github.io/webdriver-bidi/) over the JDK's
 * WebSocket: sends commands, matches their responses by id, and fails every pending command
 * when the connection is lost. Events are not used and ignored.
 */
public final class BidiClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile String closedBecause;

    private BidiClient(WebSocket.Builder builder, URI url, Duration timeout) throws IOException {
        try {
            this.socket = builder.connectTimeout(timeout).buildAsync(url, new Listener()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not connect to " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + url, e);
        }
    }

    /** Connects to a BiDi endpoint, e.g. {@code ws://127.0.0.1:PORT/session}. */
    public static BidiClient connect(URI url, Duration timeout) throws IOException {
        return new BidiClient(HttpClient.newHttpClient().newWebSocketBuilder(), url, timeout);
    }

    /**
     * Sends a command and waits for its result.
     *
     * @throws BidiException for the browser's error, a lost connection or no answer in time
     */
    public JsonNode send(String method, Map<String, ?> params, Duration timeout) throws BidiException {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(id, response);
        try {
            if (closedBecause != null) {
                throw new BidiException("connection lost", closedBecause);
            }
            ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
            command.set("params", JSON.valueToTree(params));
            socket.sendText(JSON.writeValueAsString(command), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            JsonNode message = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if ("error".equals(message.path("type").asText())) {
                throw new BidiException(message.path("error").asText(), message.path("message").asText());
            }
            return message.path("result");
        } catch (TimeoutException e) {
            throw new BidiException("timeout", method + " gave no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new BidiException("connection lost", e.getCause() == null ? String.valueOf(e) : e.getCause().getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("BiDi parameters that are not JSON: " + params, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BidiException("interrupted", method);
        } finally {
            pending.remove(id);
        }
    }

    /** Whether the connection is still open. */
    public boolean open() {
        return closedBecause == null;
    }

    @Override
    public void close() {
        if (closedBecause == null) {
            lost("closed by parbench");
            socket.abort();
        }
    }

    private void lost(String why) {
        closedBecause = why;
        pending.values().forEach(response -> response.completeExceptionally(new IOException(why)));
    }

    /** Collects frames into messages and completes the command each response answers. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    if (message.has("id") && !message.path("id").isNull()) {
                        CompletableFuture<JsonNode> response = pending.get(message.path("id").asLong());
                        if (response != null) {
                            response.complete(message);
                        }
                    }
                } catch (JsonProcessingException e) {
                    // not a message of the protocol: nothing waits for it
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost("the browser closed the connection (" + statusCode + (reason.isEmpty() ? "" : ", " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost("the connection failed: " + error);
        }
    }
}
