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

    /** Limits on what an uploaded dataset may expand to. */
    Datasets dataset();

    /** The zoo's own models imported at start. */
    ManifestImport manifest();

    /** Fine-tune workers. */
    Worker worker();

    /** Compatibility rules. */
    Compatibility compatibility();

    /** Prediction. */
    Predict predict();

    /** Ranking of bases by measured transferability. */
    Recommendation recommendation();

    /** Catalog reads. */
    Catalog catalog();

    /** Catalog reads: a short-lived cache of search pages and model pages. */
    interface Catalog {
        /**
         * How long a search page or model page is served from memory; any publish, dataset upload or counted
         * download on this instance drops every cached page at once, so only other instances' writes show late (by
         * at most this). 0 turns the cache off.
         */
        @WithDefault("2S")
        Duration cacheTtl();

        /** Most cached pages; a full cache starts over. */
        @WithDefault("5000")
        int cacheSize();
    }

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

        /** How long connecting to the object store may take before the request fails with 503. */
        @WithDefault("5S")
        Duration connectTimeout();

        /**
         * How long the object store may stay silent during one read or write (not a whole transfer) before the
         * request fails with 503: a store that accepts connections and never answers must not hang requests.
         */
        @WithDefault("10S")
        Duration ioTimeout();
    }

    /** Upload limits and temporary-upload housekeeping. */
    interface Upload {
        /** Largest accepted request body (artifact or dataset), enforced while streaming. */
        @WithDefault("512M")
        MemorySize maxSize();

        /** Temporary uploads older than this are removed by the janitor. */
        @WithDefault("1H")
        Duration tempTtl();

        /**
         * How many artifacts are validated (loaded with DL4J) at once; each holds a whole network in memory, so
         * this bounds a publish burst's memory and CPU without serialising publishes. 0: the number of cores.
         */
        @WithDefault("0")
        int validators();

        /** How long a publish waits for a free validator before it is answered 503 with Retry-After. */
        @WithDefault("10S")
        Duration validatorWait();
    }

    /** Dataset reading limits, checked while reading (zip bombs, huge tables). */
    interface Datasets {
        /** Largest total size of the files inside a ZIP dataset once expanded. */
        @WithDefault("2G")
        MemorySize maxExpandedSize();

        /** Most entries (archive files or table rows) in one dataset. */
        @WithDefault("200000")
        int maxExamples();

        /** Longest audio clip in an AUDIO dataset or a prediction upload, in seconds. */
        @WithDefault("30")
        double maxClipSeconds();
    }

    /** Import of models-manifest/ at start. */
    interface ManifestImport {
        /** Whether the server imports the manifest at start. */
        @WithDefault("true")
        boolean enabled();

        /** The models-manifest directory. */
        @WithDefault("models-manifest")
        String dir();
    }

    /** Fine-tune workers: whether this instance trains, how many jobs at once, leases. */
    interface Worker {
        /** Whether this instance claims fine-tune jobs (false for API-only replicas). */
        @WithDefault("true")
        boolean enabled();

        /** Jobs trained at once by this instance; one per 2 cores is the measured sweet spot for DL4J. */
        @WithDefault("1")
        int concurrency();

        /**
         * Jobs waiting for a worker at most (all instances together); beyond, the workers are saturated and a new
         * fine-tune is answered 503 with Retry-After instead of waiting in an unbounded queue.
         */
        @WithDefault("200")
        int maxQueued();

        /** How often an idle worker looks for a queued job. */
        @WithDefault("1S")
        Duration pollInterval();

        /** How long a claim lasts without renewal; workers renew it every quarter of this. */
        @WithDefault("60S")
        Duration leaseDuration();

        /** Claims per job before a job whose workers keep vanishing fails with WORKER_LOST. */
        @WithDefault("3")
        int maxAttempts();

        /** How often every instance looks for expired leases. */
        @WithDefault("10S")
        Duration reaperInterval();
    }

    /** Compatibility checker settings. */
    interface Compatibility {
        /** Fewer examples of a label than this is a warning. */
        @WithDefault("5")
        int minPerClass();
    }

    /** Prediction settings. */
    interface Predict {
        /** Memory for loaded networks kept between predictions (parameters and activations estimate). */
        @WithDefault("512M")
        MemorySize cacheSize();

        /** Most inputs in one prediction request. */
        @WithDefault("256")
        int maxInputs();
    }

    /** Base recommendation settings. */
    interface Recommendation {
        /** Longest a ranking may take; bases not scored by then are listed as not scored. */
        @WithDefault("30S")
        Duration timeBudget();

        /** Larger datasets are ranked on a stratified, seeded subsample of this many examples. */
        @WithDefault("1000")
        int maxExamples();

        /** Most latest versions considered (most downloaded first). */
        @WithDefault("100")
        int maxCandidates();
    }

    /** Bootstrap administrator settings. */
    interface Admin {
        /** Token of the bootstrap admin ({@code MODELZOO_ADMIN_TOKEN}); a random one is printed once when unset. */
        Optional<String> token();
    }
}
