package io.parbench.engines.byo;

/**
 * The checksums the shipped npm examples must compute, computed here from the same inputs
 * (bench-wasm/examples/shared/checksum.js and each adapter's input generator, ported): a library
 * that got the answer wrong, on any thread count or browser, fails the test.
 */
final class ExampleReferences {

    private ExampleReferences() {}

    /** onnxruntime-web: y = relu(x·w1)·w2 on n×n matrices; the adapter draws w1, w2, then x. */
    static String perceptron(int n, long seed) {
        SmallIntegers random = new SmallIntegers(seed);
        long[] w1 = random.matrix(n);
        long[] w2 = random.matrix(n);
        long[] x = random.matrix(n);
        long[] hidden = product(x, w1, n);
        for (int i = 0; i < hidden.length; i++) hidden[i] = Math.max(0, hidden[i]);
        return fnv1a64(product(hidden, w2, n));
    }

    /** tfjs-backend-wasm: a·b on n×n matrices, a drawn first. */
    static String matMul(int n, long seed) {
        SmallIntegers random = new SmallIntegers(seed);
        long[] a = random.matrix(n);
        long[] b = random.matrix(n);
        return fnv1a64(product(a, b, n));
    }

    /** ffmpeg-core-mt: the lossless encode decodes to the generated clip itself, hashed as 32-bit little-endian words. */
    static String clip(int frames, long seed) {
        int width = 320;
        int height = 240;
        int luma = width * height;
        int frame = luma * 3 / 2;
        int shift = (int) (seed & 0xFF);
        byte[] clip = new byte[frames * frame];
        for (int f = 0; f < frames; f++) {
            int base = f * frame;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) clip[base + y * width + x] = (byte) ((x + 2 * f + shift) ^ (y - f));
            }
            java.util.Arrays.fill(clip, base + luma, base + frame, (byte) (128 + ((f * 7 + shift) & 31)));
        }
        long[] words = new long[clip.length / 4];
        for (int i = 0; i < words.length; i++) {
            words[i] = (clip[4 * i] & 0xFF) | (clip[4 * i + 1] & 0xFF) << 8 | (clip[4 * i + 2] & 0xFF) << 16 | (long) (clip[4 * i + 3] & 0xFF) << 24;
        }
        return fnv1a64(words);
    }

    private static long[] product(long[] a, long[] b, int n) {
        long[] c = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                long aik = a[i * n + k];
                for (int j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
            }
        }
        return c;
    }

    /** FNV-1a over 64 bits of 32-bit words, as checksum.js; the checksum as parbench writes it (16 hex digits). */
    private static String fnv1a64(long[] words) {
        long hash = 0xcbf29ce484222325L;
        for (long word : words) {
            hash = (hash ^ (word & 0xFFFFFFFFL)) * 0x100000001b3L;
        }
        return String.format("%016x", hash);
    }

    /** checksum.js's smallIntegers: -2 … 2 from a xorshift64 seeded with seed ^ 0x9e3779b97f4a7c15. */
    private static final class SmallIntegers {
        private long state;

        SmallIntegers(long seed) {
            state = seed ^ 0x9e3779b97f4a7c15L;
            if (state == 0) state = 1;
        }

        long next() {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            return Long.remainderUnsigned(state, 5) - 2;
        }

        long[] matrix(int n) {
            long[] m = new long[n * n];
            for (int i = 0; i < m.length; i++) m[i] = next();
            return m;
        }
    }
}
