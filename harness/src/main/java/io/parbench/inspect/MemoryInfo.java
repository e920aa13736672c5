package io.parbench.inspect;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One linear memory. Threads need memory 0 to be shared (so workers can see each other's writes)
 * and imported (so every worker's instance uses the same one).
 *
 * @param importedFrom "module.name" when imported, else null
 * @param exportedAs the names it is exported under
 * @param maximumPages null when the memory declares no maximum
 */
public record MemoryInfo(
        int index,
        boolean imported,
        String importedFrom,
        List<String> exportedAs,
        boolean shared,
        boolean memory64,
        long initialPages,
        Long maximumPages,
        long pageBytes) {

    public static final long WASM_PAGE_BYTES = 65536;

    @JsonProperty
    public long initialBytes() {
        return initialPages * pageBytes;
    }

    @JsonProperty
    public Long maximumBytes() {
        return maximumPages == null ? null : maximumPages * pageBytes;
    }

    MemoryInfo exportedAs(List<String> names) {
        return new MemoryInfo(index, imported, importedFrom, List.copyOf(names), shared, memory64, initialPages, maximumPages, pageBytes);
    }
}
