package dev.modelzoo.catalog;

import dev.modelzoo.spec.SourceFormat;
import dev.modelzoo.storage.BlobRef;

/** Where an imported version came from: the upload's format, its own stored blob, and what converted it. */
public record ImportSource(SourceFormat format, String converter, String kerasVersion, BlobRef blob) {
}
