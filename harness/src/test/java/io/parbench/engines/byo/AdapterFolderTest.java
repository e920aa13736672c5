package io.parbench.engines.byo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.serving.AssetServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the byo server shows of a user's folder: the folder, parbench's page, package folders' entries, nothing else. */
class AdapterFolderTest {

    private static final String SECRET = "outside the adapter's folder";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path temp;

    private AssetServer server;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(temp.resolve("secret.txt"), SECRET);
        Path outsideFolder = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outsideFolder.resolve("index.js"), SECRET);
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("adapter.js"), "export const meta = { name: 'x' };\n");
        write(site, "pkg/package.json", "{\"name\": \"my-crate\", \"module\": \"my_crate.js\", \"main\": \"other.js\"}");
        write(site, "pkg/my_crate.js", "export {};\n");
        write(site, "main-only/package.json", "{\"main\": \"./lib/main.js\"}");
        write(site, "main-only/lib/main.js", "export {};\n");
        write(site, "plain/index.js", "export {};\n");
        write(site, "no-entry/readme.txt", "nothing to import here");
        write(site, "evil/package.json", "{\"module\": \"../../secret.txt\"}");
        write(site, "__parbench/mine.txt", "the user's own file under the reserved prefix");
        Files.createSymbolicLink(site.resolve("escape.txt"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("escape-folder"), outsideFolder);
        server = ByoEngine.serve(site, true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesTheFolderAtTheRootAndParbenchUnderItsPrefix() throws Exception {
        HttpResponse<String> adapter = get("/adapter.js");
        assertEquals(200, adapter.statusCode());
        assertEquals("text/javascript; charset=utf-8", adapter.headers().firstValue("content-type").orElseThrow());
        assertEquals("require-corp", adapter.headers().firstValue("cross-origin-embedder-policy").orElseThrow());
        assertEquals("same-origin", adapter.headers().firstValue("cross-origin-opener-policy").orElseThrow());

        assertEquals(200, get("/__parbench/byo/driver.js").statusCode());
        assertEquals(200, get("/__parbench/byo/index.html").statusCode());
        assertEquals(404, get("/__parbench/mine.txt").statusCode(), "the prefix is parbench's");
    }

    @Test
    void aPackageFolderAnswersWithItsEntryModule() throws Exception {
        assertRedirect("/pkg/", "/pkg/my_crate.js");
        assertRedirect("/main-only/", "/main-only/lib/main.js");
        assertRedirect("/plain/", "/plain/index.js");
        assertEquals(404, get("/no-entry/").statusCode());
        assertEquals(404, get("/pkg").statusCode(), "only a folder URL (with its slash) stands for the entry");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/pkg/../../secret.txt",
            "/pkg/%2e%2e/%2e%2e/secret.txt", "/escape.txt", "/escape-folder/index.js", "/escape-folder/", "/evil/",
            "/__parbench/../secret.txt", "/__parbench/%2e%2e/%2e%2e/secret.txt", "/__parbench/../../secret.txt", "/../",
            "/%2e%2e/outside/"})
    void nothingOutsideTheFolderIsReachable(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(404, response.statusCode(), path);
        assertFalse(response.body().contains(SECRET), path);
        assertTrue(response.headers().firstValue("location").isEmpty(), path);
    }

    private void assertRedirect(String path, String location) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(302, response.statusCode(), path);
        assertEquals(location, response.headers().firstValue("location").orElseThrow(), path);
        assertEquals("require-corp", response.headers().firstValue("cross-origin-embedder-policy").orElseThrow());
        assertEquals(200, get(location).statusCode(), location);
    }

    /** Sends the path as written: the client does not normalise it. */
    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.url("").getPort() + path);
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
