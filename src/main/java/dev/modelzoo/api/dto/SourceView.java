package dev.modelzoo.api.dto;

import dev.modelzoo.spec.SourceFormat;

/**
 * The format a version was uploaded in. For an imported version (Keras HDF5, TF.js layers) also what converted it
 * into the served DL4J artifact, and the original upload: its digest, size and download URL.
 */
public record SourceView(SourceFormat format, String converter, String kerasVersion, String sha256, Long sizeBytes,
        String url) {
}
