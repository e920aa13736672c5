package io.parbench.results;

import java.util.Map;

/**
 * Whether an engine could run on this machine, and what it found out about it.
 *
 * @param reason why it is unavailable (null when available)
 * @param fix what to do about it (null when available)
 * @param facts free-form facts for people (library path, browser path, JDK, …)
 * @param browser the browser probe, for browser engines
 */
public record EngineFacts(
        String engine, boolean available, String reason, String fix, Map<String, String> facts, BrowserProbe browser) {

    public EngineFacts {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public static EngineFacts available(String engine, Map<String, String> facts) {
        return new EngineFacts(engine, true, null, null, facts, null);
    }

    /** Whether the engine drives a browser on another machine (--webdriver-url): its facts then describe that machine. */
    public boolean reachedThroughWebDriver() {
        return facts.containsKey(FactKeys.WEBDRIVER_URL);
    }

    public static EngineFacts unavailable(String engine, String reason, String fix) {
        return new EngineFacts(engine, false, reason, fix, Map.of(), null);
    }
}
