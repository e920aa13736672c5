package io.parbench.engines;

import java.net.InetAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a browser on another machine is reached: a W3C WebDriver endpoint (a Selenium Grid hub or
 * one WebDriver server), what the session asks for besides the browser, and where that browser
 * reaches parbench's pages.
 *
 * @param webDriverUrl the endpoint, e.g. {@code http://grid.example:4444}
 * @param capabilities added to every new session (Grid routing: platformName, browserVersion, …);
 *     they override parbench's own
 * @param serveAddress the address of this machine the pages are served on over HTTPS; null
 *     serves them on loopback over http (enough when the WebDriver server runs on this machine)
 */
public record RemoteEndpoint(URI webDriverUrl, Map<String, Object> capabilities, InetAddress serveAddress) {

    public RemoteEndpoint {
        if (webDriverUrl == null) {
            throw new IllegalArgumentException("webDriverUrl must be given");
        }
        capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
    }

    /** This endpoint with {@code more} capabilities added, replacing any of the same name (a comparison's side A). */
    public RemoteEndpoint withCapabilities(Map<String, Object> more) {
        Map<String, Object> merged = new LinkedHashMap<>(capabilities);
        merged.putAll(more);
        return new RemoteEndpoint(webDriverUrl, merged, serveAddress);
    }

    /** The endpoint as recorded and shown: without any user name or password it carries. */
    public String shownUrl() {
        if (webDriverUrl.getRawUserInfo() == null) {
            return webDriverUrl.toString();
        }
        return webDriverUrl.getScheme() + "://" + webDriverUrl.getHost() + (webDriverUrl.getPort() < 0 ? "" : ":" + webDriverUrl.getPort())
                + (webDriverUrl.getRawPath() == null ? "" : webDriverUrl.getRawPath());
    }

    /** Whether pages are served over HTTPS on a non-loopback address (and sessions must accept its certificate). */
    public boolean servesSecurely() {
        return serveAddress != null;
    }
}
