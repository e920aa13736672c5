package io.parbench.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetServerTest {

    private static final String SECRET = "top secret, never served";

    @TempDir
    Path temp;

    private AssetServer server;

    /** The bundled page and module under /web and /wasm, a folder on disk under /site, and a secret beside that folder. */
    @BeforeEach
    void start() throws IOException {
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(temp.resolve("secret.txt"), SECRET);
        Files.writeString(site.resolve("adapter.mjs"), "export const meta = {};\n");
        Files.write(site.resolve("module.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        Files.writeString(Files.createDirectories(site.resolve("sub")).resolve("data.json"), "{}");
        Files.createSymbolicLink(site.resolve("escape.txt"), temp.resolve("secret.txt"));
        server = AssetServer.start(Map.of(
                "web", new ClasspathRoot("io/parbench/assets/web"),
                "wasm", new ClasspathRoot("io/parbench/assets/wasm"),
                "site", new DirectoryRoot(site)), true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/web/index.html", "/web/main.js", "/web/driver.js", "/web/helper.js", "/wasm/parbench.wasm",
            "/site/adapter.mjs", "/site/module.wasm", "/site/sub/data.json"})
    void servesFilesWithIsolationHeaders(String path) throws IOException {
        RawResponse response = get(path);
        assertEquals(200, response.status(), path);
        assertIsolationHeaders(response);
        assertFalse(response.body().isEmpty());
    }

    @Test
    void sendsTheMediaTypesBrowsersCheck() throws IOException {
        assertEquals("text/html; charset=utf-8", get("/web/index.html").header("content-type"));
        assertEquals("text/javascript; charset=utf-8", get("/web/driver.js").header("content-type"));
        assertEquals("text/javascript; charset=utf-8", get("/site/adapter.mjs").header("content-type"));
        assertEquals("application/wasm", get("/site/module.wasm").header("content-type"));
        assertEquals("application/wasm", get("/wasm/parbench.wasm").header("content-type"));
        assertEquals("application/json", get("/site/sub/data.json").header("content-type"));
        assertEquals("nosniff", get("/site/module.wasm").header("x-content-type-options"));
    }

    @Test
    void errorsCarryTheHeadersToo() throws IOException {
        RawResponse missing = get("/web/missing.js");
        assertEquals(404, missing.status());
        assertIsolationHeaders(missing);

        RawResponse post = request("POST /web/index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertEquals(405, post.status());
        assertEquals("GET, HEAD", post.header("allow"));
        assertIsolationHeaders(post);
    }

    @Test
    void headAnswersWithoutABody() throws IOException {
        RawResponse head = request("HEAD /web/index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertEquals(200, head.status());
        assertIsolationHeaders(head);
        assertEquals("", head.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/site/../secret.txt", "/site/sub/../../secret.txt", "/site/%2e%2e/secret.txt", "/site/%2E%2E/secret.txt",
            "/site/.%2e/secret.txt", "/site/..%2fsecret.txt", "/site/..%2Fsecret.txt", "/site/..%5csecret.txt",
            "/site/%2e%2e%5csecret.txt", "/site/sub/%2e%2e/%2e%2e/secret.txt", "/site/./adapter.mjs", "/site//adapter.mjs",
            "/site/escape.txt", "/site/%00adapter.mjs", "/site/%c0%ae%c0%ae/secret.txt",
            "/../secret.txt", "/secret.txt", "/site/", "/site", "/site/sub", "/web/", "/",
            "/site/%2fetc%2fpasswd", "/etc/passwd", "http://127.0.0.1/site/../secret.txt"})
    void refusesEverythingOutsideTheMounts(String target) throws IOException {
        RawResponse response = get(target);
        assertEquals(404, response.status(), target);
        assertFalse(response.body().contains(SECRET), target);
        assertIsolationHeaders(response);
    }

    @Test
    void refusesTargetsThatAreNotPaths() throws IOException {
        // Not valid URI paths: the JDK's server refuses them before any handler sees them.
        for (String target : List.of("/site/..\\secret.txt", "/site/C:\\secret.txt", "/site/%", "/site/%zz", "//secret.txt")) {
            RawResponse response = get(target);
            assertTrue(response.status() >= 400, target + " gave " + response.status());
            assertFalse(response.body().contains(SECRET), target);
        }
    }

    @Test
    void withoutIsolationDropsOnlyCoopAndCoep() throws IOException {
        try (AssetServer open = AssetServer.start(Map.of("web", new ClasspathRoot("io/parbench/assets/web")), false)) {
            RawResponse response = request("GET /web/index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                    open.url("").getPort());
            assertEquals(200, response.status());
            assertNull(response.header("cross-origin-opener-policy"));
            assertNull(response.header("cross-origin-embedder-policy"));
            assertEquals("same-origin", response.header("cross-origin-resource-policy"));
        }
    }

    @Test
    void listensOnLoopbackOnly() {
        assertEquals("127.0.0.1", server.url("web/index.html").getHost());
    }

    private static void assertIsolationHeaders(RawResponse response) {
        assertEquals("same-origin", response.header("cross-origin-opener-policy"));
        assertEquals("require-corp", response.header("cross-origin-embedder-policy"));
        assertEquals("same-origin", response.header("cross-origin-resource-policy"));
    }

    private RawResponse get(String target) throws IOException {
        return request("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    private RawResponse request(String raw) throws IOException {
        return request(raw, server.url("").getPort());
    }

    private static RawResponse request(String raw, int port) throws IOException {
        return RawResponse.exchange(new Socket("127.0.0.1", port), raw);
    }
}
