package dev.modelzoo.storage;

/** Bytes streamed to a temporary key, hashed, and not yet promoted to their content address. */
public record TemporaryUpload(String key, String sha256, long sizeBytes) {

    /** Prefix of temporary uploads; the janitor removes stale ones. */
    public static final String PREFIX = "tmp/uploads/";

    public BlobRef blob() {
        return new BlobRef(sha256, sizeBytes);
    }
}
