package io.parbench.serving;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server for browser benchmarks: serves only the files of its mounts, on
 * 127.0.0.1 and a free port, with the headers threaded WebAssembly needs on every response.
 *
 * <p>A mount maps the first path segment to a root: {@code /web/index.html} is {@code
 * index.html} of the "web" mount. The mount {@link #ROOT_MOUNT} takes the paths no other mount
 * claims. A folder URL ({@code /web/pkg/}) redirects to the entry its root names for it, if any.
 * Anything else, and any path that tries to leave a root, is a 404.
 *
 * <p>By default it listens on loopback over plain http, which browsers count as a secure context.
 * For a browser on another machine ({@link #startSecure}) it listens on one chosen address over
 * HTTPS with a certificate made for the run (a LAN address over http is no secure context, so no
 * cross-origin isolation) and serves everything below a random path prefix made for the run:
 * whoever does not know the prefix gets 404 for every path.
 *
 * <p>With isolation (the default) every response carries COOP {@code same-origin} and COEP
 * {@code require-corp}, which make the page cross-origin isolated so that shared memory can
 * reach workers; without it they are left out (to measure or demonstrate the fallback).
 */
public final class AssetServer implements AutoCloseable {

    /** The mount key of the root that serves every path whose first segment is not a mount. */
    public static final String ROOT_MOUNT = "";

    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("cjs", "text/javascript; charset=utf-8"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"));

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, AssetRoot> mounts;
    private final boolean isolation;
    /** "" on loopback, else "/" and the run's random segment: every served path starts with it. */
    private final String prefix;

    private AssetServer(HttpServer server, ExecutorService threads, Map<String, AssetRoot> mounts, boolean isolation, String prefix) {
        this.server = server;
        this.threads = threads;
        this.mounts = Map.copyOf(mounts);
        this.isolation = isolation;
        this.prefix = prefix;
    }

    /**
     * Starts serving.
     *
     * @param mounts first path segment → where its files are
     * @param isolation whether to send COOP/COEP (cross-origin isolation)
     */
    public static AssetServer start(Map<String, AssetRoot> mounts, boolean isolation) throws IOException {
        return serve(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), mounts, isolation, "");
    }

    /**
     * Starts serving over HTTPS on one address of this machine, below a random path prefix, with a
     * self-signed certificate for that address made now (see {@link SelfSignedCertificate}).
     *
     * @param address where browsers on other machines reach this one
     */
    public static AssetServer startSecure(Map<String, AssetRoot> mounts, boolean isolation, InetAddress address) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(address, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(SelfSignedCertificate.forAddress(address)));
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        return serve(server, mounts, isolation, "/" + HexFormat.of().formatHex(secret));
    }

    private static AssetServer serve(HttpServer server, Map<String, AssetRoot> mounts, boolean isolation, String prefix) {
        ExecutorService threads = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().name("parbench-http-", 0).factory());
        AssetServer assets = new AssetServer(server, threads, mounts, isolation, prefix);
        server.createContext("/", assets::handle);
        server.setExecutor(threads);
        server.start();
        return assets;
    }

    /** The absolute URL of a path below the server's root, e.g. {@code url("web/index.html")}. */
    public URI url(String path) {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host.replaceFirst("%.*", "") + "]"; // an IPv6 literal, without its interface
        }
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://" + host + ":" + address.getPort() + prefix + "/" + path);
    }

    public boolean isolation() {
        return isolation;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Headers headers = exchange.getResponseHeaders();
            if (isolation) {
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Cross-Origin-Embedder-Policy", "require-corp");
            }
            headers.set("Cross-Origin-Resource-Policy", "same-origin");
            headers.set("Cache-Control", "no-store");
            headers.set("X-Content-Type-Options", "nosniff");

            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                headers.set("Allow", "GET, HEAD");
                sendText(exchange, 405, "Only GET and HEAD are served.");
                return;
            }
            String requested = exchange.getRequestURI().getRawPath();
            if (requested == null || !requested.startsWith(prefix + "/")) {
                sendText(exchange, 404, "Not found.");
                return;
            }
            String rawPath = requested.substring(prefix.length());
            Optional<String> entry = folderEntry(rawPath).map(name -> requested + name);
            if (entry.isPresent()) {
                headers.set("Location", entry.get());
                sendText(exchange, 302, "The folder's entry module is " + entry.get());
                return;
            }
            Optional<List<String>> segments = RequestPaths.segments(rawPath);
            Optional<AssetRoot.Asset> asset = segments.isPresent() ? find(segments.get()) : Optional.empty();
            if (asset.isEmpty()) {
                sendText(exchange, 404, "Not found.");
                return;
            }
            try (InputStream content = asset.get().content()) {
                headers.set("Content-Type", mediaType(segments.get().getLast()));
                long length = asset.get().length();
                if (head) {
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    // 0 asks for chunked encoding (length unknown), -1 for no body at all.
                    exchange.sendResponseHeaders(200, length == 0 ? -1 : Math.max(length, 0));
                    content.transferTo(exchange.getResponseBody());
                }
            }
        }
    }

    private Optional<AssetRoot.Asset> find(List<String> segments) throws IOException {
        Optional<Target> target = target(segments);
        return target.isPresent() ? target.get().root().open(target.get().path()) : Optional.empty();
    }

    /** For a folder URL ({@code /pkg/}), the raw relative URL of the entry its root names for it. */
    private Optional<String> folderEntry(String rawPath) throws IOException {
        if (rawPath == null || rawPath.length() < 2 || !rawPath.endsWith("/")) {
            return Optional.empty();
        }
        Optional<Target> target = RequestPaths.segments(rawPath.substring(0, rawPath.length() - 1)).flatMap(this::target);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        return target.get().root().folderEntry(target.get().path()).map(RequestPaths::encode);
    }

    /** A root and the path below it. */
    private record Target(AssetRoot root, List<String> path) {}

    private Optional<Target> target(List<String> segments) {
        AssetRoot root = mounts.get(segments.getFirst());
        if (root != null) {
            return segments.size() < 2 ? Optional.empty() : Optional.of(new Target(root, segments.subList(1, segments.size())));
        }
        return Optional.ofNullable(mounts.get(ROOT_MOUNT)).map(top -> new Target(top, segments));
    }

    static String mediaType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return MEDIA_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }
}
