package io.parbench.serving;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Resources below a class path folder (e.g. {@code io/parbench/assets/web}), in a jar or a directory. */
public final class ClasspathRoot implements AssetRoot {

    private final ClassLoader loader;
    private final String folder;

    public ClasspathRoot(ClassLoader loader, String folder) {
        this.loader = loader;
        this.folder = folder.endsWith("/") ? folder : folder + "/";
    }

    public ClasspathRoot(String folder) {
        this(ClasspathRoot.class.getClassLoader(), folder);
    }

    /** Whether the resource at a path below this folder exists (e.g. a build output). */
    public boolean contains(String relativePath) {
        return loader.getResource(folder + relativePath) != null;
    }

    @Override
    public Optional<Asset> open(List<String> segments) throws IOException {
        URL url = loader.getResource(folder + String.join("/", segments));
        if (url == null || isDirectory(url)) {
            return Optional.empty();
        }
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false); // a cached JarFile would stay open after the server stops
        return Optional.of(new Asset(connection.getContentLengthLong(), connection.getInputStream()));
    }

    // Class loaders also resolve folders; only files are assets.
    private static boolean isDirectory(URL url) throws IOException {
        if ("file".equals(url.getProtocol())) {
            try {
                return !Files.isRegularFile(Path.of(url.toURI()));
            } catch (URISyntaxException e) {
                return true;
            }
        }
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        return connection instanceof JarURLConnection jar && jar.getJarEntry().isDirectory();
    }
}
