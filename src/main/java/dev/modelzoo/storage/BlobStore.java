package dev.modelzoo.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Content-addressed blobs on top of {@link ObjectStore}, in two phases: upload to a temporary key while hashing, then
 * promote to {@code blobs/sha256/<hex>} (a no-op copy when the same bytes are stored already, so blobs are
 * de-duplicated).
 */
@ApplicationScoped
public class BlobStore {

    private static final Logger LOG = Logger.getLogger(BlobStore.class);
    private static final String BINARY = "application/octet-stream";

    private final ObjectStore objects;

    public BlobStore(ObjectStore objects) {
        this.objects = objects;
    }

    /** Phase one: streams {@code data} to a fresh temporary key and hashes it. */
    public TemporaryUpload upload(InputStream data, long size) {
        String key = TemporaryUpload.PREFIX + UUID.randomUUID();
        StoredObject stored = objects.put(key, data, size, BINARY);
        return new TemporaryUpload(key, stored.sha256(), stored.sizeBytes());
    }

    /** Phase one for a local file. */
    public TemporaryUpload upload(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return upload(in, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Phase two: makes the bytes available under their content address and removes the temporary key.
     *
     * @return whether this call created the blob (false: identical bytes were stored already)
     */
    public boolean promote(TemporaryUpload upload) {
        BlobRef blob = upload.blob();
        boolean created = objects.stat(blob.key()).isEmpty();
        if (created) {
            objects.copy(upload.key(), blob.key());
        }
        discard(upload);
        return created;
    }

    /** Drops a temporary upload; failures are left to the janitor. */
    public void discard(TemporaryUpload upload) {
        try {
            objects.delete(upload.key());
        } catch (RuntimeException e) {
            LOG.warnf("Could not remove temporary upload %s (the janitor will): %s", upload.key(), e.getMessage());
        }
    }

    /**
     * Phase two with the catalog: promotes {@code upload}, then runs {@code commit} (the database transaction). When
     * the commit fails, the temporary key is dropped and a blob this call created is removed again unless
     * {@code referenced} says a committed row points at it (identical bytes committed concurrently).
     */
    public <T> T promoteAndCommit(TemporaryUpload upload, Function<BlobRef, T> commit, Predicate<String> referenced) {
        return promoteAndCommit(List.of(upload), blobs -> commit.apply(blobs.get(0)), referenced);
    }

    /** {@link #promoteAndCommit(TemporaryUpload, Function, Predicate)} for several blobs committed by one row. */
    public <T> T promoteAndCommit(List<TemporaryUpload> uploads, Function<List<BlobRef>, T> commit,
            Predicate<String> referenced) {
        List<TemporaryUpload> created = new ArrayList<>();
        try {
            List<BlobRef> blobs = new ArrayList<>();
            for (TemporaryUpload upload : uploads) {
                if (promote(upload)) {
                    created.add(upload);
                }
                blobs.add(upload.blob());
            }
            return commit.apply(blobs);
        } catch (RuntimeException e) {
            uploads.forEach(this::discard);
            for (TemporaryUpload upload : created) {
                try {
                    if (!referenced.test(upload.sha256())) {
                        delete(upload.blob());
                    }
                } catch (RuntimeException cleanup) {
                    LOG.warnf("Could not remove unreferenced blob %s: %s", upload.sha256(), cleanup.getMessage());
                }
            }
            throw e;
        }
    }

    /** Removes a committed blob; callers make sure nothing references it any more. */
    public void delete(BlobRef blob) {
        objects.delete(blob.key());
    }

    /** Copies a blob into a local file, e.g. to load it with DL4J. */
    public void download(BlobRef blob, Path target) {
        try (InputStream in = objects.get(blob.key())) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI presign(BlobRef blob, Duration ttl, String downloadFileName) {
        return objects.presignGet(blob.key(), ttl, downloadFileName);
    }

    /** A short-lived URL this server streams {@code blob} from (downloads proxied without a worker thread). */
    public URI internalUrl(BlobRef blob, Duration ttl) {
        return objects.presignInternalGet(blob.key(), ttl);
    }
}
