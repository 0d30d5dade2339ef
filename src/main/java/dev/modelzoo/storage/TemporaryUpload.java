package dev.modelzoo.storage;

/** Bytes streamed to a temporary key, hashed, and not yet promoted to their content address. */
public record TemporaryUpload(String key, String sha256, long sizeBytes) {

    /**
     * Prefix of temporary uploads; the janitor removes stale ones. Flat keys at the bucket's top, on purpose: a
     * filesystem-backed S3 server (S3Proxy, the embedded default) removes a blob's parent folders once they are
     * empty, so with a shared folder a discard could remove it while a concurrent upload was being written into it
     * (TemporaryUploadRaceTest: 8 of 1,200 uploads failed that way under "tmp/uploads/").
     */
    public static final String PREFIX = "tmp-upload-";

    /** Where temporary uploads lived before; the janitor still cleans what an older version left there. */
    public static final String LEGACY_PREFIX = "tmp/uploads/";

    public BlobRef blob() {
        return new BlobRef(sha256, sizeBytes);
    }
}
