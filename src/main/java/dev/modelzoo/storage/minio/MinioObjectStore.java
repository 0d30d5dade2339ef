package dev.modelzoo.storage.minio;

import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.error.ServiceUnavailableException;
import dev.modelzoo.storage.NoSuchObjectException;
import dev.modelzoo.storage.ObjectInfo;
import dev.modelzoo.storage.ObjectStore;
import dev.modelzoo.storage.StoredObject;
import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.ServerException;
import io.minio.http.Method;
import io.minio.messages.Item;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link ObjectStore} over the MinIO Java client; the only class that talks S3. */
@ApplicationScoped
public class MinioObjectStore implements ObjectStore {

    /** S3 error codes of a bucket that exists already. */
    private static final Set<String> ALREADY_THERE = Set.of("BucketAlreadyOwnedByYou",
            "BucketAlreadyExists");
    /** S3 error codes that say "try again later" rather than "this request is wrong". */
    private static final Set<String> UNAVAILABLE_CODES = Set.of("SlowDown", "ServiceUnavailable",
            "InternalError", "RequestTimeout", "RequestTimeTooSkewed");
    /** Multipart part size for streams of unknown length (S3 requires at least 5 MiB). */
    private static final long PART_SIZE = 16L * 1024 * 1024;

    private final MinioClient client;
    private final MinioClient presigner;
    private final String bucket;

    @Inject
    public MinioObjectStore(MinioClient client, @Presigning MinioClient presigner,
            ModelZooConfig config) {
        this(client, presigner, config.storage().bucket());
    }

    /** Without CDI, for tests of the error mapping. */
    MinioObjectStore(MinioClient client, MinioClient presigner, String bucket) {
        this.client = client;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public StoredObject put(String key, InputStream data, long size, String contentType) {
        MessageDigest sha256 = sha256();
        CountingInputStream counted = new CountingInputStream(new DigestInputStream(data, sha256));
        call(() -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(counted, size, size >= 0 ? -1 : PART_SIZE)
                .contentType(contentType)
                .build()), "store " + key);
        return new StoredObject(key, HexFormat.of().formatHex(sha256.digest()), counted.count());
    }

    @Override
    public InputStream get(String key) {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()), key);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        try {
            StatObjectResponse stat = call(() -> client.statObject(
                    StatObjectArgs.builder().bucket(bucket).object(key).build()), key);
            return Optional.of(new ObjectInfo(key, stat.size(), stat.lastModified().toInstant()));
        } catch (NoSuchObjectException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        call(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        }, "delete " + key);
    }

    @Override
    public void copy(String sourceKey, String targetKey) {
        call(() -> client.copyObject(CopyObjectArgs.builder().bucket(bucket).object(targetKey)
                .source(CopySource.builder().bucket(bucket).object(sourceKey).build())
                .build()), sourceKey);
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        return call(() -> {
            List<ObjectInfo> objects = new ArrayList<>();
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket)
                    .prefix(prefix).recursive(true).build())) {
                Item item = result.get();
                // some backends report directory markers; they are not objects
                if (!item.isDir()) {
                    objects.add(new ObjectInfo(item.objectName(), item.size(), item.lastModified().toInstant()));
                }
            }
            return objects;
        }, "list " + prefix);
    }

    @Override
    public URI presignGet(String key, Duration ttl, String downloadFileName) {
        return call(() -> URI.create(presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Method.GET).bucket(bucket).object(key)
                .expiry((int) ttl.toSeconds())
                .extraQueryParams(Map.of("response-content-disposition",
                        "attachment; filename=\"" + downloadFileName + "\""))
                .build())), "presign " + key);
    }

    @Override
    public URI presignInternalGet(String key, Duration ttl) {
        // signed for the endpoint this server reaches (the signature covers the host), not the public one
        return call(() -> URI.create(client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Method.GET).bucket(bucket).object(key).expiry((int) ttl.toSeconds()).build())),
                "presign " + key);
    }

    @Override
    public void ensureBucket() {
        call(() -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                try {
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                } catch (ErrorResponseException e) {
                    // created at the same moment by another caller (readiness, the manifest import, a replica)
                    if (!ALREADY_THERE.contains(e.errorResponse().code())) {
                        throw e;
                    }
                }
            }
            return null;
        }, "bucket " + bucket);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a MinIO call. Only unavailability becomes a 503 (the store unreachable, silent past the timeout, or
     * answering 5xx); the store rejecting a request and errors in the client are failures of this server, and
     * surface as such (500 with an incident in the log).
     */
    private static <T> T call(MinioCall<T> action, String what) {
        try {
            return action.run();
        } catch (ErrorResponseException e) {
            String code = e.errorResponse().code();
            if ("NoSuchKey".equals(code) || "NoSuchObject".equals(code)) {
                throw new NoSuchObjectException(what);
            }
            if (UNAVAILABLE_CODES.contains(code) || (e.response() != null && e.response().code() >= 500)) {
                throw new ServiceUnavailableException("Object storage is unavailable (" + code + ")", e);
            }
            throw new IllegalStateException("Object storage rejected " + what + ": " + code, e);
        } catch (ServerException | IOException e) {
            // connection refused or reset, a timeout, or an HTTP 5xx without an S3 error body
            throw new ServiceUnavailableException("Object storage is unavailable", e);
        } catch (RuntimeException e) {
            throw e;   // NoSuchObjectException from inside the call, and bugs, unchanged
        } catch (Exception e) {
            throw new IllegalStateException("Object storage call failed for " + what, e);
        }
    }

    /** A MinIO client call; they all declare a long list of checked exceptions. */
    @FunctionalInterface
    private interface MinioCall<T> {
        T run() throws Exception;
    }
}
