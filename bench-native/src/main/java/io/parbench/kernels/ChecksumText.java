package io.parbench.kernels;

import java.util.HexFormat;

/**
 * How a checksum is written wherever people or files read it (results, reports, the JMH forks'
 * checksum files, messages): its 64 bits as 16 lowercase hex digits. The browser pages write it
 * the same way (bench-wasm's measure.js, {@code checksumText}).
 */
public final class ChecksumText {
    private ChecksumText() {}

    public static String of(long checksum) {
        return HexFormat.of().toHexDigits(checksum);
    }

    /** @throws IllegalArgumentException unless {@code text} is 16 hex digits at most */
    public static long parse(String text) {
        return HexFormat.fromHexDigitsToLong(text);
    }
}
