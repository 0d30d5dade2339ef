package dev.modelzoo.catalog;

import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.NetworkLoader;
import dev.modelzoo.storage.BlobRef;
import dev.modelzoo.storage.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loaded networks for prediction, by artifact digest, least recently used first out. Bounded by memory: each
 * network is weighed as its parameters times 4 bytes times 3 (parameters plus inference workspaces, measured
 * roughly on LeNet); loading happens outside the lock.
 */
@ApplicationScoped
public class NetworkCache {

    private static final long WEIGHT_FACTOR = 3 * Float.BYTES;

    private final BlobStore blobs;
    private final long capacityBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long usedBytes;

    public NetworkCache(BlobStore blobs, ModelZooConfig config) {
        this.blobs = blobs;
        this.capacityBytes = config.predict().cacheSize().asLongValue();
    }

    /** The network stored as {@code blob}, loaded once and shared. */
    public LoadedNetwork get(BlobRef blob) {
        synchronized (this) {
            Entry cached = entries.get(blob.sha256());
            if (cached != null) {
                return cached.network();
            }
        }
        LoadedNetwork network = load(blob);
        long weight = network.parameterCount() * WEIGHT_FACTOR;
        synchronized (this) {
            Entry previous = entries.put(blob.sha256(), new Entry(network, weight));
            usedBytes += weight - (previous == null ? 0 : previous.weight());
            evict(blob.sha256());
        }
        return network;
    }

    private void evict(String keep) {
        Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
        while (usedBytes > capacityBytes && oldest.hasNext()) {
            Map.Entry<String, Entry> candidate = oldest.next();
            if (!candidate.getKey().equals(keep)) {
                usedBytes -= candidate.getValue().weight();
                oldest.remove();
            }
        }
    }

    private LoadedNetwork load(BlobRef blob) {
        Path file = null;
        try {
            file = Files.createTempFile("modelzoo-predict-", ".zip");
            blobs.download(blob, file);
            return NetworkLoader.load(file, Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /** A cached network and its weight in bytes. */
    private record Entry(LoadedNetwork network, long weight) {
    }
}
