package io.parbench.serving;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** Where an {@link AssetServer} mount finds its files: bundled resources or a user's folder. */
public interface AssetRoot {

    /**
     * Opens the regular file at a relative path, or returns empty when there is none.
     *
     * @param segments the path below the root, already checked by the server: no empty, "." or
     *     ".." segments, no slashes, backslashes or control characters
     */
    Optional<Asset> open(List<String> segments) throws IOException;

    /**
     * The file a folder URL ({@code /pkg/}) stands for, as a path relative to that folder, or
     * empty when it stands for none (the default). Lets a module import a package by its folder.
     *
     * @param segments the folder's path below the root, checked like {@link #open}'s
     */
    default Optional<String> folderEntry(List<String> segments) throws IOException {
        return Optional.empty();
    }

    /** An open file; the server closes its stream. */
    record Asset(long length, InputStream content) {}
}
