package io.parbench.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Regular files inside a folder on disk; symbolic links that lead outside it are not followed. */
public final class DirectoryRoot implements AssetRoot {

    private final Path root;

    /** @throws IOException when the folder does not exist */
    public DirectoryRoot(Path folder) throws IOException {
        this.root = folder.toRealPath();
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(folder.toString(), null, "not a directory");
        }
    }

    @Override
    public Optional<Asset> open(List<String> segments) throws IOException {
        Path candidate = root;
        for (String segment : segments) {
            candidate = candidate.resolve(segment);
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!real.startsWith(root) || !Files.isRegularFile(real)) {
            return Optional.empty();
        }
        return Optional.of(new Asset(Files.size(real), Files.newInputStream(real)));
    }
}
