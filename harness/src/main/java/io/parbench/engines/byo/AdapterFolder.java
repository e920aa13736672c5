package io.parbench.engines.byo;

import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.results.ResultsJson;
import io.parbench.serving.AssetRoot;
import io.parbench.serving.DirectoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folder of a user's adapter, served at the root of the byo page's origin: its regular files,
 * nothing outside it, and for a folder URL ({@code /pkg/}) the package's entry module.
 *
 * <p>The entry is what a bundler would pick: {@code package.json}'s {@code module}, else its
 * {@code main}, else {@code index.js}. wasm-bindgen-rayon's worker helper imports its own package
 * by folder ({@code import('../../..')}); without this its pool never starts.
 */
final class AdapterFolder implements AssetRoot {

    private final Path root;
    private final DirectoryRoot files;

    AdapterFolder(Path folder) throws IOException {
        this.files = new DirectoryRoot(folder);
        this.root = folder.toRealPath();
    }

    @Override
    public Optional<Asset> open(List<String> segments) throws IOException {
        return files.open(segments);
    }

    @Override
    public Optional<String> folderEntry(List<String> segments) throws IOException {
        Path folder = resolve(segments);
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.empty();
        }
        for (String candidate : entryCandidates(folder)) {
            Path entry = folder.resolve(candidate).normalize();
            if (isInside(entry) && Files.isRegularFile(entry) && isInside(entry.toRealPath())) {
                return Optional.of(folder.relativize(entry).toString().replace('\\', '/'));
            }
        }
        return Optional.empty();
    }

    /** package.json's module, then its main, then index.js. */
    private static List<String> entryCandidates(Path folder) {
        List<String> candidates = new ArrayList<>();
        Path manifest = folder.resolve("package.json");
        if (Files.isRegularFile(manifest)) {
            try {
                JsonNode json = ResultsJson.mapper().readTree(manifest.toFile());
                for (String field : List.of("module", "main")) {
                    if (json.path(field).isTextual() && !json.path(field).asText().isBlank()) {
                        candidates.add(json.path(field).asText());
                    }
                }
            } catch (IOException e) {
                // not JSON: fall back to index.js, as a bundler would find nothing better either
            }
        }
        candidates.add("index.js");
        return candidates;
    }

    private Path resolve(List<String> segments) throws IOException {
        Path candidate = root;
        for (String segment : segments) {
            candidate = candidate.resolve(segment);
        }
        if (!Files.exists(candidate)) {
            return null;
        }
        Path real = candidate.toRealPath();
        return isInside(real) ? real : null;
    }

    private boolean isInside(Path path) {
        return path.startsWith(root);
    }
}
