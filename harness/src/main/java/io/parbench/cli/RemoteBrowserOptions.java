package io.parbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.engines.RemoteEndpoint;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.byo.ByoEngine;
import io.parbench.serving.ServeAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options that point the browser engines at another machine (a picocli mixin of run, doctor and compare):
 * --webdriver-url, --capability, --serve-address, checked before anything starts: each mistake is
 * one sentence, exit code 2.
 */
public final class RemoteBrowserOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--webdriver-url", paramLabel = "URL",
            description = "Measure --browser on another machine: a Selenium Grid hub or a WebDriver server (http://grid.example:4444). "
                    + "Sessions are created there; the results describe that machine.")
    String webDriverUrl;

    @Option(names = "--capability", paramLabel = "KEY=VALUE",
            description = "A WebDriver capability for --webdriver-url sessions, e.g. platformName=mac or browserVersion=126 (Grid routing); "
                    + "JSON for objects (goog:chromeOptions={\"args\":[\"--headless=new\"]}); repeatable.")
    Map<String, String> capabilities;

    @Option(names = "--serve-address", paramLabel = "ADDR",
            description = "With --webdriver-url: this machine's IP address the remote browser reaches, to serve the pages there over HTTPS "
                    + "(a certificate and a secret path made for the run). Default: loopback only (a WebDriver server on this machine).")
    String serveAddress;

    /**
     * The endpoint, or null when there is no --webdriver-url (then neither --capability nor
     * --serve-address may be given, and --browser must be one this machine runs).
     */
    RemoteEndpoint endpoint(String browser) {
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
        return new RemoteEndpoint(url(webDriverUrl), parsed(capabilities, "--capability"),
                serveAddress == null ? null : UserError.whenInvalid(() -> ServeAddress.parse(serveAddress)));
    }

    /** Capabilities as given on the command line (KEY=VALUE), with their values read: JSON or text. */
    static Map<String, Object> parsed(Map<String, String> given, String option) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((key, value) -> parsed.put(key, capabilityValue(value, option)));
        }
        return parsed;
    }

    /** With --webdriver-url only the remote browser is measured: 'all' is its engine, and only it and byo may be named. */
    List<String> engines(List<String> names, boolean all, String browser) {
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
    private static Object capabilityValue(String text, String option) {
        String trimmed = text.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.equals("true") || trimmed.equals("false")) {
            try {
                return JSON.readValue(trimmed, Object.class);
            } catch (JsonProcessingException e) {
                throw new UserError(option + " value " + text + " is not valid JSON: " + e.getOriginalMessage() + ".");
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
