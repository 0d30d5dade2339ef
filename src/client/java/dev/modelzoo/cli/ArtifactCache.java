package dev.modelzoo.cli;

import dev.modelzoo.client.ClientException;
import dev.modelzoo.client.Download;
import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.ProgressListener;
import dev.modelzoo.client.Reference;
import dev.modelzoo.client.view.VersionDetails;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Artifacts kept by digest under {@code <cache dir>/blobs/sha256/<hex>}: a version is downloaded once, whatever
 * its name (a derived model that shares bytes with another shares the entry), and a file in the cache is checked
 * against its digest before it is used. An interrupted download resumes from its {@code .part} file.
 */
final class ArtifactCache {

    private final Path blobs;

    ArtifactCache(Path cacheDir) {
        this.blobs = cacheDir.resolve("blobs").resolve("sha256");
    }

    /** What {@link #pull} did: the version, the file in the cache, and whether it was there already. */
    record Pulled(VersionDetails version, Path cached, boolean hit, long resumedFrom) {
    }

    Pulled pull(ModelZooClient client, Reference reference, ProgressListener progress) throws IOException {
        VersionDetails version = client.version(reference);
        if (version.sha256() == null || !version.sha256().matches("[0-9a-f]{64}")) {
            // the digest names a file here: never let a server's answer point outside the cache
            throw new ClientException("the server published no valid sha256 for " + version.reference());
        }
        Path cached = blobs.resolve(version.sha256());
        if (Files.isRegularFile(cached) && ModelZooClient.sha256Of(cached).equals(version.sha256())) {
            return new Pulled(version, cached, true, 0);
        }
        Files.deleteIfExists(cached);
        Download download = client.download(version, cached, progress);
        return new Pulled(version, download.file(), false, download.resumedFrom());
    }

    /** Copies the cached artifact to {@code target} (through a temporary file, so a target is never half-written). */
    static void copy(Path cached, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = Files.createTempFile(absolute.getParent(), ".mz-pull", ".tmp");
        try {
            Files.copy(cached, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
