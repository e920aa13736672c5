package io.parbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.engines.RemoteEndpoint;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.ServeAddress;
import io.parbench.engines.byo.ByoEngine;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options that point the browser engines at another machine (--webdriver-url, --capability,
 * --serve-address), checked before anything starts: each mistake is one sentence, exit code 2.
 */
final class RemoteBrowserOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RemoteBrowserOptions() {}

    /**
     * The endpoint, or null when there is no --webdriver-url (then neither --capability nor
     * --serve-address may be given, and --browser must be one this machine runs).
     */
    static RemoteEndpoint endpoint(String webDriverUrl, Map<String, String> capabilities, String serveAddress, String browser) {
        BrowserKind kind = UserError.whenInvalid(() -> BrowserKind.parse(browser));
        if (webDriverUrl == null) {
            if (capabilities != null || serveAddress != null) {
                throw new UserError("--capability and --serve-address are for a browser on another machine: give its --webdriver-url too.");
            }
            if (!kind.local()) {
                throw new UserError("--browser " + kind.id() + " runs only on another machine: give --webdriver-url (a Selenium Grid "
                        + "hub or its WebDriver server).");
            }
            return null;
        }
        Map<String, Object> parsed = new LinkedHashMap<>();
        if (capabilities != null) {
            capabilities.forEach((key, value) -> parsed.put(key, capabilityValue(value)));
        }
        return new RemoteEndpoint(url(webDriverUrl), parsed, serveAddress == null ? null : UserError.whenInvalid(() -> ServeAddress.parse(serveAddress)));
    }

    /** With --webdriver-url only the remote browser is measured: 'all' is its engine, and only it and byo may be named. */
    static List<String> engines(List<String> names, boolean all, String browser) {
        String remote = UserError.whenInvalid(() -> BrowserKind.parse(browser)).id();
        if (all) {
            return List.of(remote);
        }
        for (String name : names) {
            if (!name.equals(remote) && !name.equals(ByoEngine.NAME)) {
                throw new UserError("With --webdriver-url only the remote " + remote + " is measured: use --engines " + remote
                        + " (or byo), not " + name + ".");
            }
        }
        return names;
    }

    /** A capability's value: JSON for objects, arrays and booleans (goog:chromeOptions={...}), else the text as a string. */
    static Object capabilityValue(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.equals("true") || trimmed.equals("false")) {
            try {
                return JSON.readValue(trimmed, Object.class);
            } catch (JsonProcessingException e) {
                throw new UserError("--capability value " + text + " is not valid JSON: " + e.getOriginalMessage() + ".");
            }
        }
        return text;
    }

    private static URI url(String text) {
        try {
            URI url = new URI(text);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // worded below
        }
        throw new UserError("--webdriver-url must be an http(s) URL such as http://grid.example:4444, not '" + text + "'.");
    }
}
