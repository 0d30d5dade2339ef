package dev.modelzoo.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Blob storage over the S3 API, with one bucket behind it. Implementations must stream (never hold a whole object in
 * memory) and report an unreachable server as {@link dev.modelzoo.error.ServiceUnavailableException}.
 */
public interface ObjectStore {

    /**
     * Streams {@code data} to {@code key}, computing its SHA-256 on the way.
     *
     * @param size the exact length, or -1 when unknown (then the upload is multipart)
     * @return the digest and the number of bytes stored
     */
    StoredObject put(String key, InputStream data, long size, String contentType);

    /** Opens the whole object; the caller closes the stream. Throws {@link NoSuchObjectException} if absent. */
    InputStream get(String key);

    /** Size and modification time of {@code key}, or empty when it does not exist. */
    Optional<ObjectInfo> stat(String key);

    /** Removes {@code key}; removing a missing key is not an error. */
    void delete(String key);

    /** Server-side copy of {@code sourceKey} to {@code targetKey}. */
    void copy(String sourceKey, String targetKey);

    /** Objects below {@code prefix}, recursively. */
    List<ObjectInfo> list(String prefix);

    /** A time-limited URL that lets anyone GET {@code key} directly from the storage server. */
    URI presignGet(String key, Duration ttl, String downloadFileName);

    /** A time-limited GET URL for this server's own use: signed for the endpoint the server reaches. */
    URI presignInternalGet(String key, Duration ttl);

    /** Creates the bucket when missing; also a cheap reachability probe. */
    void ensureBucket();
}
