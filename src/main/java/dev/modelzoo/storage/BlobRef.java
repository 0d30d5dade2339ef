package dev.modelzoo.storage;

/** A content-addressed blob: stored under {@code blobs/sha256/<sha256>}. */
public record BlobRef(String sha256, long sizeBytes) {

    /** Prefix under which every committed blob lives. */
    public static final String PREFIX = "blobs/sha256/";

    public String key() {
        return PREFIX + sha256;
    }
}
