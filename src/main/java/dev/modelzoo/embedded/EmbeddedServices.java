package dev.modelzoo.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Decides, before Quarkus reads its configuration, whether the embedded default is needed: without a configured
 * datasource URL it starts PostgreSQL, without {@code modelzoo.storage.url} it starts S3Proxy, both under
 * {@code modelzoo.data.dir}. It returns the configuration that points the application at what it started.
 */
public final class EmbeddedServices {

    private static final Logger LOG = Logger.getLogger(EmbeddedServices.class);
    static final String DATASOURCE_URL = "quarkus.datasource.jdbc.url";
    static final String STORAGE_URL = "modelzoo.storage.url";
    static final String DATA_DIR = "modelzoo.data.dir";

    private EmbeddedServices() {
    }

    /**
     * Starts whatever is not configured externally and returns the properties that point at it. PostgreSQL and
     * S3Proxy start side by side (each takes about a second), which shortens the time to ready.
     */
    public static Map<String, String> startMissing() {
        Path dataDir = Path.of(lookup(DATA_DIR).orElse("data")).toAbsolutePath().normalize();
        Map<String, String> properties = new LinkedHashMap<>();
        CompletableFuture<Map<String, String>> storage = lookup(STORAGE_URL).isPresent()
                ? CompletableFuture.completedFuture(Map.of())
                : CompletableFuture.supplyAsync(() -> startStorage(dataDir));
        if (lookup(DATASOURCE_URL).isEmpty()) {
            long start = System.nanoTime();
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"),
                    dataDir.resolve("runtime").resolve("postgres-binaries"));
            properties.putAll(datasourceProperties(postgres));
            LOG.infof("Embedded PostgreSQL started at %s in %d ms (data in %s)", postgres.jdbcUrl(),
                    (System.nanoTime() - start) / 1_000_000, dataDir.resolve("postgres"));
        }
        try {
            properties.putAll(storage.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        return properties;
    }

    private static Map<String, String> startStorage(Path dataDir) {
        long start = System.nanoTime();
        EmbeddedS3Server s3 = EmbeddedS3Server.start(dataDir.resolve("objects"), 0);
        Runtime.getRuntime().addShutdownHook(new Thread(s3::close, "embedded-s3-shutdown"));
        LOG.infof("Embedded S3 server (S3Proxy) started at %s in %d ms (objects in %s)", s3.endpoint(),
                (System.nanoTime() - start) / 1_000_000, dataDir.resolve("objects"));
        return storageProperties(s3);
    }

    /** Configuration that points the datasource at {@code postgres}. */
    public static Map<String, String> datasourceProperties(EmbeddedPostgresServer postgres) {
        return Map.of(DATASOURCE_URL, postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    /** Configuration that points the object store at {@code s3}. */
    public static Map<String, String> storageProperties(EmbeddedS3Server s3) {
        return Map.of(STORAGE_URL, s3.endpoint(),
                "modelzoo.storage.access-key", s3.accessKey(),
                "modelzoo.storage.secret-key", s3.secretKey());
    }

    /** Reads a key the way MicroProfile Config would from system properties and environment variables. */
    static Optional<String> lookup(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
