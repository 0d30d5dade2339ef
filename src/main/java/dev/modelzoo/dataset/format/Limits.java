package dev.modelzoo.dataset.format;

/** Bounds on what reading an upload may expand to, checked while reading (zip bombs, huge tables). */
public record Limits(long maxUncompressedBytes, int maxEntries) {
}
