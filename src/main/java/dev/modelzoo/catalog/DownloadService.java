package dev.modelzoo.catalog;

import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.storage.BlobRef;
import dev.modelzoo.storage.BlobStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;

/** Artifact URLs (presigned for clients, internal for the server's own streaming) and download counts. */
@ApplicationScoped
public class DownloadService {

    private final BlobStore blobs;
    private final ModelVersionRepository versions;
    private final ModelZooConfig config;
    private final CatalogGeneration generation;

    public DownloadService(BlobStore blobs, ModelVersionRepository versions, ModelZooConfig config,
            CatalogGeneration generation) {
        this.generation = generation;
        this.blobs = blobs;
        this.versions = versions;
        this.config = config;
    }

    /** A short-lived URL of the artifact for this server's own streaming (not handed out). */
    public URI internalUrl(BlobRef blob, Duration ttl) {
        return blobs.internalUrl(blob, ttl);
    }

    /** A presigned URL of one of the version's blobs; counted as a download of the version when handed out. */
    public URI presign(ModelVersion version, BlobRef blob, String fileName) {
        countDownload(version.id);
        return blobs.presign(blob, config.storage().presignTtl(), fileName);
    }

    /** Adds one download to the version and its model, in its own transaction; cached pages are dropped after. */
    public void countDownload(long versionId) {
        QuarkusTransaction.requiringNew().run(() -> versions.countDownload(versionId));
        generation.changed();
    }
}
