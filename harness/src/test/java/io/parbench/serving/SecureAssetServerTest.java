package io.parbench.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server as browsers on other machines reach it: HTTPS on this machine's non-loopback address,
 * everything below the run's random prefix, nothing for whoever does not know it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureAssetServerTest {

    private static final String SECRET = "top secret, never served";

    @TempDir
    static Path temp;

    private InetAddress lan;
    private AssetServer server;
    private String prefix;

    /** One server for the class: each makes a certificate with keytool, a JVM of its own. */
    @BeforeAll
    void start() throws IOException {
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(temp.resolve("secret.txt"), SECRET);
        Files.writeString(site.resolve("adapter.mjs"), "export const meta = {};\n");
        lan = ServeAddress.nonLoopback().getFirst();
        server = AssetServer.startSecure(Map.of("web", new ClasspathRoot("io/parbench/assets/web"), "site", new DirectoryRoot(site)),
                true, lan);
        String path = server.url("").getRawPath();
        prefix = path.substring(0, path.length() - 1);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void servesOverHttpsOnTheChosenAddressBelowARandomPrefix() throws Exception {
        URI page = server.url("web/index.html");
        assertEquals("https", page.getScheme());
        assertEquals(lan.getHostAddress(), page.getHost().replaceAll("[\\[\\]]", ""));
        assertTrue(prefix.matches("/[0-9a-f]{32}"), prefix);
        RawResponse response = get(prefix + "/web/index.html");
        assertEquals(200, response.status());
        assertEquals("same-origin", response.header("cross-origin-opener-policy"));
        assertEquals("require-corp", response.header("cross-origin-embedder-policy"));
        assertEquals(200, get(prefix + "/site/adapter.mjs").status());
    }

    @Test
    void everyRunGetsAPrefixOfItsOwn() throws IOException {
        try (AssetServer other = AssetServer.startSecure(Map.of(), true, lan)) {
            assertNotEquals(server.url(""), other.url(""));
            assertNotEquals(server.url("").getRawPath(), other.url("").getRawPath());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/web/index.html", "/site/adapter.mjs", "/", "/favicon.ico", "/web/", "/0123456789abcdef0123456789abcdef/web/index.html"})
    void answersNothingWithoutThePrefix(String target) throws Exception {
        RawResponse response = get(target);
        assertEquals(404, response.status(), target);
        assertFalse(response.body().contains("parbench"), target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/site/../../secret.txt", "/site/%2e%2e/%2e%2e/secret.txt", "/site/..%2f..%2fsecret.txt",
            "/%2e%2e/web/index.html", "", "/", "/site/", "x/web/index.html"})
    void refusesTraversalBelowThePrefix(String rest) throws Exception {
        RawResponse response = get(prefix + rest);
        assertEquals(404, response.status(), rest);
        assertFalse(response.body().contains(SECRET), rest);
    }

    @Test
    void theCertificateIsMadeForTheAddress() throws Exception {
        try (SSLSocket socket = connect()) {
            socket.startHandshake();
            X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertTrue(certificate.getSubjectAlternativeNames().stream().anyMatch(name -> name.get(0).equals(7)),
                    "an IP address among the subject alternative names");
            assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal(), "self-signed");
        }
    }

    @Test
    void plainHttpGetsNoPage() {
        String answer;
        try (Socket plain = new Socket(lan, server.url("").getPort())) {
            plain.setSoTimeout(5000);
            plain.getOutputStream().write(request(prefix + "/web/index.html").getBytes(StandardCharsets.US_ASCII));
            answer = new String(plain.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            answer = "";
        }
        assertFalse(answer.contains("parbench"), answer);
    }

    @Test
    void stopsWithTheRun() throws Exception {
        try (AssetServer own = AssetServer.startSecure(Map.of(), true, lan)) {
            int port = own.url("").getPort();
            new Socket(lan, port).close();
            own.close();
            assertThrows(IOException.class, () -> new Socket(lan, port).close());
        }
    }

    @Test
    void loopbackOverPlainHttpStaysTheDefault() throws IOException {
        try (AssetServer local = AssetServer.start(Map.of(), true)) {
            assertEquals("http", local.url("").getScheme());
            assertEquals("127.0.0.1", local.url("").getHost());
            assertEquals("/", local.url("").getRawPath());
        }
    }

    private RawResponse get(String target) throws IOException, GeneralSecurityException {
        return RawResponse.exchange(connect(), request(target));
    }

    private static String request(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: parbench\r\nConnection: close\r\n\r\n";
    }

    /** A TLS connection that trusts the run's certificate as the remote browser does (acceptInsecureCerts). */
    private SSLSocket connect() throws IOException {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new AcceptAny()}, null);
            return (SSLSocket) tls.getSocketFactory().createSocket(lan, server.url("").getPort());
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static final class AcceptAny implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
