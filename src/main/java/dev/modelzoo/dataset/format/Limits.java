package dev.modelzoo.dataset.format;

/**
 * Bounds on what reading an upload may expand to, checked while reading (zip bombs, huge tables, endless clips):
 * expanded bytes, entries, and the length of one audio clip in seconds.
 */
public record Limits(long maxUncompressedBytes, int maxEntries, double maxClipSeconds) {

    /** The default longest clip, in seconds. */
    public static final double DEFAULT_MAX_CLIP_SECONDS = 30;

    public Limits(long maxUncompressedBytes, int maxEntries) {
        this(maxUncompressedBytes, maxEntries, DEFAULT_MAX_CLIP_SECONDS);
    }
}
