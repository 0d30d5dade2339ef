package dev.modelzoo.finetune;

import dev.modelzoo.ml.NetworkLoader;
import dev.modelzoo.storage.BlobRef;
import dev.modelzoo.storage.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.modelzoo.ml.LoadedNetwork;

/** A base's artifact as a network of its own (to train or featurize): fetched to a temporary file, loaded, removed. */
final class BaseNetwork {

    private BaseNetwork() {
    }

    static LoadedNetwork load(BlobStore blobs, BlobRef artifact) throws IOException {
        Path file = Files.createTempFile("modelzoo-base-", ".zip");
        try {
            blobs.download(artifact, file);
            return NetworkLoader.load(file, Long.MAX_VALUE);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
