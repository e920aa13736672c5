package io.parbench.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteEndpointTest {

    @Test
    void aGridsCredentialsAreNeverShownOrRecorded() {
        RemoteEndpoint endpoint = new RemoteEndpoint(URI.create("https://ci:s3cret@grid.example:4444/wd/hub"), Map.of(), null);
        assertEquals("https://grid.example:4444/wd/hub", endpoint.shownUrl());
        assertFalse(endpoint.shownUrl().contains("s3cret"));
    }

    @Test
    void anEndpointWithoutCredentialsIsShownAsGiven() {
        assertEquals("http://127.0.0.1:9515", new RemoteEndpoint(URI.create("http://127.0.0.1:9515"), null, null).shownUrl());
    }

    @Test
    void withoutAServeAddressThePagesStayOnLoopback() {
        assertFalse(new RemoteEndpoint(URI.create("http://127.0.0.1:9515"), null, null).servesSecurely());
        assertTrue(new RemoteEndpoint(URI.create("http://127.0.0.1:9515"), null, InetAddress.getLoopbackAddress()).servesSecurely());
    }

    /** A comparison's side A: B's capabilities, with its own added and those of the same name replaced; B's endpoint unchanged. */
    @Test
    void sideAsCapabilitiesAddToAndReplaceBs() {
        RemoteEndpoint b = new RemoteEndpoint(URI.create("http://grid.example:4444"), Map.of("platformName", "mac", "browserVersion", "126"),
                null);
        RemoteEndpoint a = b.withCapabilities(Map.of("browserVersion", "125", "acceptInsecureCerts", true));
        assertEquals(Map.of("platformName", "mac", "browserVersion", "125", "acceptInsecureCerts", true), a.capabilities());
        assertEquals(b.webDriverUrl(), a.webDriverUrl());
        assertEquals(Map.of("platformName", "mac", "browserVersion", "126"), b.capabilities());
    }
}
