package dev.modelzoo.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** All application settings under {@code modelzoo.*}. */
@ConfigMapping(prefix = "modelzoo")
public interface ModelZooConfig {

    /** Local data: embedded PostgreSQL and S3 data, datasets fetched by the scripts. */
    Data data();

    /** Object storage (MinIO or any S3 server). */
    Storage storage();

    /** Uploads of artifacts and datasets. */
    Upload upload();

    /** The bootstrap administrator. */
    Admin admin();

    /** Local data directory settings. */
    interface Data {
        /** Root of everything the embedded default keeps on disk. */
        @WithDefault("data")
        String dir();
    }

    /** Object storage connection. */
    interface Storage {
        /** S3 endpoint, e.g. {@code http://minio:9000}; unset means the embedded S3Proxy is started. */
        String url();

        /** Access key of the S3 endpoint. */
        String accessKey();

        /** Secret key of the S3 endpoint. */
        String secretKey();

        /** Bucket holding every blob; created at start when missing. */
        @WithDefault("modelzoo")
        String bucket();

        /** Region used for request signing; S3Proxy and MinIO accept us-east-1. */
        @WithDefault("us-east-1")
        String region();

        /** Endpoint clients reach for presigned downloads, when it differs from {@link #url()}. */
        Optional<String> publicUrl();

        /** Lifetime of presigned download URLs. */
        @WithDefault("15M")
        Duration presignTtl();
    }

    /** Upload limits and temporary-upload housekeeping. */
    interface Upload {
        /** Largest accepted request body (artifact or dataset), enforced while streaming. */
        @WithDefault("512M")
        MemorySize maxSize();

        /** Temporary uploads older than this are removed by the janitor. */
        @WithDefault("1H")
        Duration tempTtl();
    }

    /** Bootstrap administrator settings. */
    interface Admin {
        /** Token of the bootstrap admin ({@code MODELZOO_ADMIN_TOKEN}); a random one is printed once when unset. */
        Optional<String> token();
    }
}
