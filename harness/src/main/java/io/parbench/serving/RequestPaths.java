package io.parbench.serving;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the raw path of a request into path segments that cannot leave a served folder, or
 * refuses it. Segments are percent-decoded first, so {@code %2e%2e} is refused like {@code ..}.
 */
final class RequestPaths {

    private RequestPaths() {}

    /** The decoded segments of an absolute raw path, or empty when any segment is unsafe. */
    static Optional<List<String>> segments(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.substring(1).split("/", -1)) {
            Optional<String> segment = percentDecode(raw).filter(RequestPaths::isSafe);
            if (segment.isEmpty()) {
                return Optional.empty();
            }
            segments.add(segment.get());
        }
        return Optional.of(segments);
    }

    /** A relative path ({@code a/b c.js}) as a raw URL path ({@code a/b%20c.js}). */
    static String encode(String relativePath) {
        try {
            return new URI(null, null, relativePath, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a relative path: " + relativePath, e);
        }
    }

    private static boolean isSafe(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            return false;
        }
        return segment.chars().noneMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f);
    }

    /** Strict percent-decoding as UTF-8 ('+' stays '+'); empty for a malformed escape or byte sequence. */
    private static Optional<String> percentDecode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= raw.length()) {
                return Optional.empty();
            }
            int high = Character.digit(raw.charAt(i + 1), 16);
            int low = Character.digit(raw.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
