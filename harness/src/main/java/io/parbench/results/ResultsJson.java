package io.parbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one Jackson configuration for results documents (and everything else parbench writes as JSON). */
public final class ResultsJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Newer minor versions may add fields; the version number guards real incompatibilities.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ResultsJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * For reading documents: NaN and Infinity are read as numbers (JSON has neither), so that the
     * validator can refuse them by name, configuration and field instead of a parser's message.
     */
    public static ObjectReader lenientReader() {
        return MAPPER.reader().with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
    }
}
