package io.parbench.ffm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Copies a library packaged as a class-path resource to a file the dynamic linker can open.
 * The file's directory is named after the content's SHA-256, so a rebuilt library never
 * replaces one a running JVM has mapped, and the copy is written to a temporary file and
 * renamed into place, so JVMs extracting at the same time never see a partial file.
 */
final class LibraryExtractor {
    private final Path cacheRoot;

    LibraryExtractor(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    /** The default cache: {@code <java.io.tmpdir>/parbench-native-<user>}. */
    static LibraryExtractor inTempDirectory() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return new LibraryExtractor(Path.of(System.getProperty("java.io.tmpdir"), "parbench-native-" + user));
    }

    /** The extracted file holding {@code content}, named {@code fileName}; reused if already there. */
    Path extract(byte[] content, String fileName) {
        Path target = cacheRoot.resolve(sha256(content)).resolve(fileName);
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), fileName, ".partial");
            try {
                Files.write(partial, content);
                // A rename within one directory is atomic and replaces whatever another JVM put there.
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract " + fileName + " to " + target + ": " + e.getMessage()
                    + "; make sure that directory is writable or set java.io.tmpdir to one that is.", e);
        }
    }

    static byte[] readResource(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read resource " + resource + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
