package io.parbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What is wrong with a document Jackson could not read, in words a user can act on: where the
 * JSON breaks off, or which configuration, which field, what it holds and what belongs there.
 * Never Jackson's own wording (its class names, settings, or "[Source: REDACTED …]").
 */
final class DocumentErrors {

    private DocumentErrors() {}

    /** Why the text is not JSON, with where: "it ends early (at line 40, column 3), as a file cut off while being written does". */
    static String syntax(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage()
                .replaceAll("\\s*\\(start marker at \\[Source: [^]]*]\\)", "")
                .replaceAll("\\s*\\[Source: [^]]*]", "")
                .strip();
        String at = e.getLocation() == null ? "" : " (at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        if (message.startsWith("Unexpected end-of-input")) {
            return "it ends early" + at + ", as a file cut off while being written or copied does";
        }
        return (message.isEmpty() ? "it is not JSON" : message) + at;
    }

    /**
     * A value of the wrong type: e.g. {@code configuration 4 (native/sum/1048576@W2) has "samples"
     * [fork 1, sample 3] = "fast", which is not a number}.
     *
     * @param tree the document as read, to name the configuration and show the value
     */
    static String schema(JsonNode tree, JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        int owner = -1;
        JsonNode node = tree;
        JsonNode ownerNode = null;
        for (int i = 0; i < path.size(); i++) {
            node = step(node, path.get(i));
            boolean aFork = i == 1 && "forks".equals(path.getFirst().getFieldName());
            if (aFork || node.has("configuration") && node.path("configuration").isObject()) {
                owner = i;
                ownerNode = node;
            }
        }
        if (ownerNode != null && owner == path.size() - 1) {
            // The entry itself could not be built (a null where a value belongs): say which value, as the validator would.
            return wholeEntry(ownerName(path), ownerNode);
        }
        StringBuilder where = new StringBuilder();
        List<JsonMappingException.Reference> field = path;
        if (ownerNode != null) {
            JsonNode named = ownerNode.has("configuration") ? ownerNode.path("configuration") : ownerNode.path("series");
            where.append(ownerName(path.subList(0, owner + 1))).append(" (").append(label(named)).append(") has ");
            field = path.subList(owner + 1, path.size());
        }
        where.append(fieldName(field, ownerNode));
        return where + " = " + shown(node, e) + ", which is not " + expected(e instanceof MismatchedInputException m ? m.getTargetType() : null);
    }

    /** Why an entry as a whole was refused: a null sample named as the validator names it, else that it holds a null. */
    private static String wholeEntry(String name, JsonNode entry) {
        JsonNode samples = entry.path("samples");
        for (int i = 0; i < samples.size(); i++) {
            for (JsonNode sample : samples.path(i)) {
                if (sample.isNull()) {
                    JsonNode fork = entry.path("sources").path(i).path("fork");
                    return label(entry.path("configuration")) + " has a sample of null steps/s (fork " + (fork.canConvertToInt() ? fork.asInt() : i + 1)
                            + "), and throughputs are positive and finite";
                }
            }
        }
        JsonNode named = entry.has("configuration") ? entry.path("configuration") : entry.path("series");
        return name + " (" + label(named) + ") holds null where a value belongs";
    }

    private static JsonNode step(JsonNode node, JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? node.path(reference.getFieldName()) : node.path(reference.getIndex());
    }

    /** "configuration 4", "round 2, fork 3": the element the bad field belongs to, counted from 1. */
    private static String ownerName(List<JsonMappingException.Reference> path) {
        return switch (path.getFirst().getFieldName()) {
            case "configurations" -> "configuration " + (path.get(1).getIndex() + 1);
            case "forks" -> "fork " + (path.get(1).getIndex() + 1);
            case "rounds" -> "round " + (path.get(1).getIndex() + 1) + ", fork " + (path.getLast().getIndex() + 1);
            default -> "an entry of \"" + path.getFirst().getFieldName() + "\"";
        };
    }

    /** engine/kernel/size@W as the rest of parbench writes it (a fork's series without @W), from whatever the node still holds. */
    private static String label(JsonNode configuration) {
        String kernel = configuration.path("kernel").asText("?");
        String variant = configuration.path("variant").asText(null);
        return configuration.path("engine").asText("?") + "/" + kernel + (variant == null ? "" : ":" + variant) + "/"
                + configuration.path("size").asText("?") + (configuration.has("workers") ? "@W" + configuration.path("workers").asText("?") : "");
    }

    /**
     * "samples" [fork 3, sample 2] (the fork as the configuration's "sources" name it, else the list's place), or a dotted
     * path such as "run.seed".
     */
    private static String fieldName(List<JsonMappingException.Reference> field, JsonNode owner) {
        if (field.isEmpty()) {
            return "the document";
        }
        String name = field.stream().filter(r -> r.getFieldName() != null).map(JsonMappingException.Reference::getFieldName)
                .collect(Collectors.joining("."));
        List<Integer> indexes = field.stream().filter(r -> r.getFieldName() == null).map(JsonMappingException.Reference::getIndex).toList();
        if (name.equals("samples") && indexes.size() == 2) {
            JsonNode fork = owner == null ? null : owner.path("sources").path(indexes.get(0)).path("fork");
            int forkId = fork != null && fork.canConvertToInt() ? fork.asInt() : indexes.get(0) + 1;
            return "\"samples\" [fork " + forkId + ", sample " + (indexes.get(1) + 1) + "]";
        }
        return "\"" + name + "\"" + (indexes.isEmpty() ? "" : " [" + indexes.stream().map(i -> "item " + (i + 1))
                .collect(Collectors.joining(", ")) + "]");
    }

    private static String shown(JsonNode node, JsonMappingException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            return invalid.getValue() instanceof String text ? "\"" + text + "\"" : String.valueOf(invalid.getValue());
        }
        if (node.isMissingNode()) {
            return "nothing";
        }
        if (node.isContainerNode()) {
            return node.isArray() ? "a list" : "an object";
        }
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** What belongs there, in words. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "what belongs there";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a time such as 2026-12-04T10:00:00Z";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of names and values";
        }
        return "an object";
    }
}
