package io.parbench.engines.chromium;

import java.util.List;
import java.util.Map;

/** Typed reads of the JSON object a parbench page answered (see bench-wasm/src/main/js). */
record PageResult(Map<String, Object> values) {

    boolean has(String key) {
        return values.get(key) != null;
    }

    /** A string field; null stays null. */
    String text(String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    Number number(String key) {
        if (values.get(key) instanceof Number number) {
            return number;
        }
        throw new IllegalStateException("the page's answer has no number '" + key + "': " + values);
    }

    boolean flag(String key) {
        return Boolean.TRUE.equals(values.get(key));
    }

    List<Double> numbers(String key) {
        if (values.get(key) instanceof List<?> list) {
            return list.stream().map(item -> ((Number) item).doubleValue()).toList();
        }
        throw new IllegalStateException("the page's answer has no list '" + key + "': " + values);
    }
}
