package dev.modelzoo.testing;

import dev.modelzoo.embedded.EmbeddedPostgresServer;
import dev.modelzoo.embedded.EmbeddedS3Server;
import dev.modelzoo.embedded.EmbeddedServices;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real PostgreSQL and a real S3 server (S3Proxy) for the test suite, started once per JVM in a temporary
 * directory and shared by every Quarkus boot. Tests may stop and restart the S3 server to simulate an outage.
 */
public class EmbeddedServicesTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedS3Server s3;
    private static Path root;
    private static int s3Port;

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            try {
                root = Files.createTempDirectory("modelzoo-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = EmbeddedPostgresServer.start(root.resolve("postgres"), binariesDir());
            s3 = EmbeddedS3Server.start(root.resolve("objects"), 0);
            s3Port = s3.port();
        }
        Map<String, String> config = new HashMap<>(EmbeddedServices.datasourceProperties(postgres));
        config.putAll(EmbeddedServices.storageProperties(s3));
        config.put("modelzoo.data.dir", root.toString());
        return config;
    }

    @Override
    public void stop() {
        // kept for the next Quarkus boot in this JVM; the JVM's exit stops PostgreSQL (shutdown hook)
    }

    /** Stops the S3 server, e.g. to check what a publish does when storage is down. */
    public static synchronized void stopS3() {
        s3.close();
    }

    /** Starts the S3 server again on the same port with the same data and credentials as before. */
    public static synchronized void restartS3() {
        String accessKey = s3.accessKey();
        String secretKey = s3.secretKey();
        s3 = EmbeddedS3Server.start(root.resolve("objects"), s3Port, accessKey, secretKey);
    }

    public static Path objectsDir() {
        return root.resolve("objects");
    }

    private static Path binariesDir() {
        // shared between runs: extracting the PostgreSQL binaries is the slow part of a cold start
        return Path.of(System.getProperty("java.io.tmpdir"), "modelzoo-test-postgres-binaries");
    }
}
