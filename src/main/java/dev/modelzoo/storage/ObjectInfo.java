package dev.modelzoo.storage;

import java.time.Instant;

/** Metadata of one stored object. */
public record ObjectInfo(String key, long sizeBytes, Instant lastModified) {
}
