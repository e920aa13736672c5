package io.parbench.engines.browser;

import io.parbench.results.BrowserProbe;
import io.parbench.results.PointAccounting;
import io.parbench.results.PoolAccounting;
import java.util.List;
import java.util.Map;

/** Typed reads of the JSON object a parbench page answered (see bench-wasm/src/main/js). */
public record PageResult(Map<String, Object> values) {

    public boolean has(String key) {
        return values.get(key) != null;
    }

    /** Whether the page answered that it failed (driver.js's status 'failed', with its reason). */
    public boolean reportsFailure() {
        return "failed".equals(text("status"));
    }

    /** A string field; null stays null. */
    public String text(String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    public Number number(String key) {
        if (values.get(key) instanceof Number number) {
            return number;
        }
        throw new IllegalStateException("the page's answer has no number '" + key + "': " + values);
    }

    public boolean flag(String key) {
        return Boolean.TRUE.equals(values.get(key));
    }

    public List<Double> numbers(String key) {
        if (values.get(key) instanceof List<?> list) {
            return list.stream().map(item -> ((Number) item).doubleValue()).toList();
        }
        throw new IllegalStateException("the page's answer has no list '" + key + "': " + values);
    }

    /** A list of strings; empty when absent. */
    public List<String> texts(String key) {
        return values.get(key) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** A list of JSON objects; none when absent. */
    public List<Map<String, Object>> list(String key) {
        if (values.get(key) instanceof List<?> list) {
            return list.stream().map(item -> object((Map<?, ?>) item)).toList();
        }
        return List.of();
    }

    /**
     * A measured block's accounting (bench-wasm/src/main/js/driver.js, "a measured block"): its
     * steps and wall time, and its pool's ({@code pool}: the C pool's or a byo adapter's stats()),
     * null where the page kept none. The wall time is the pool's window where it has one (its
     * workers' times add up to it), else the page's timed loop.
     */
    public PointAccounting blockAccounting() {
        PoolAccounting pool = null;
        long wallNs = number("wallNs").longValue();
        if (values.get("pool") instanceof Map<?, ?> json) {
            PageResult accounted = new PageResult(object(json));
            pool = new PoolAccounting(accounted.text("source"), accounted.list("workers").stream().map(PageResult::workerTimes).toList(),
                    accounted.optionalLong("regions"));
            if (accounted.has("windowNs")) {
                wallNs = accounted.number("windowNs").longValue();
            }
        }
        return new PointAccounting(1, wallNs, number("steps").longValue(), pool, null);
    }

    private static PoolAccounting.WorkerTimes workerTimes(Map<String, Object> json) {
        PageResult w = new PageResult(json);
        return new PoolAccounting.WorkerTimes(w.optionalLong("busyNs"), w.optionalLong("searchingNs"), w.optionalLong("asleepNs"),
                w.optionalLong("parkedNs"), w.optionalLong("steals"), w.optionalLong("failedSteals"), w.optionalLong("sleeps"),
                w.optionalLong("wakeups"), w.optionalLong("wakeLatencyNs"));
    }

    private Long optionalLong(String key) {
        return has(key) ? number(key).longValue() : null;
    }

    /** A JSON object as read from a page. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<?, ?> json) {
        return (Map<String, Object>) json;
    }

    /** What a probe page found out about the browser (see main.js and the drivers' probe). */
    public BrowserProbe browserProbe(String browser, String version, boolean isolationServed) {
        return new BrowserProbe(browser, version, text("userAgent"), number("hardwareConcurrency").intValue(), isolationServed,
                flag("crossOriginIsolated"), flag("sharedArrayBuffer"), number("timerResolutionMs").doubleValue(),
                flag("wasmThreads"), text("wasmThreadsError"));
    }
}
