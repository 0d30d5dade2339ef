package dev.modelzoo.catalog;

import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.spec.SourceFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload made ready to validate and store: its format, the DL4J network, and the DL4J zip to serve (the upload
 * itself, or a converted file this object owns and removes on close). {@code kerasVersion} is null for DL4J.
 */
record PreparedArtifact(SourceFormat format, LoadedNetwork network, Path artifact, String kerasVersion)
        implements AutoCloseable {

    boolean converted() {
        return format != SourceFormat.DL4J;
    }

    @Override
    public void close() {
        if (converted()) {
            try {
                Files.deleteIfExists(artifact);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
