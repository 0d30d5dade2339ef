package dev.modelzoo.finetune;

import dev.modelzoo.ml.FeatureStore;
import dev.modelzoo.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keeps the outputs of frozen prefixes in the object store under {@code cache/features/<key>}, so every worker
 * replica reuses them; a cache that cannot be read or written only costs time.
 */
@ApplicationScoped
public class BlobFeatureStore implements FeatureStore {

    static final String PREFIX = "cache/features/";
    private static final Logger LOG = Logger.getLogger(BlobFeatureStore.class);

    private final ObjectStore objects;

    public BlobFeatureStore(ObjectStore objects) {
        this.objects = objects;
    }

    @Override
    public Optional<INDArray> load(String key) {
        if (objects.stat(PREFIX + key).isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = objects.get(PREFIX + key)) {
            return Optional.of(Nd4j.fromByteArray(in.readAllBytes()));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Cached features %s unreadable, computing them again: %s", key, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void store(String key, INDArray features) {
        try {
            byte[] bytes = Nd4j.toByteArray(features);
            objects.put(PREFIX + key, new ByteArrayInputStream(bytes), bytes.length, "application/octet-stream");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            LOG.warnf("Could not cache features %s: %s", key, e.getMessage());
        }
    }


}
