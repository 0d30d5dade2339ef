package dev.modelzoo.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 server (S3Proxy over the jclouds filesystem-nio2 backend) bound to loopback.
 * The application talks to it only through the MinIO client, exactly as it talks to MinIO in production.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedS3Server(BlobStoreContext context, S3Proxy proxy, URI endpoint, String accessKey, String secretKey) {
        this.context = context;
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts S3Proxy on a free port, or on {@code port} when it is positive, storing objects below {@code baseDir}. */
    public static EmbeddedS3Server start(Path baseDir, int port) {
        // a fresh secret per process: the server listens on loopback only and nobody else needs to know it
        return start(baseDir, port, "modelzoo", randomHex(20));
    }

    /** Starts S3Proxy with the given credentials. */
    public static EmbeddedS3Server start(Path baseDir, int port, String accessKey, String secretKey) {
        try {
            Files.createDirectories(baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + baseDir, e);
        }
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", baseDir.toAbsolutePath().toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem-nio2")
                .credentials(accessKey, secretKey)
                .overrides(properties)
                .buildView(BlobStoreContext.class);
        URI endpoint = URI.create("http://127.0.0.1:" + (port > 0 ? port : FreePort.find()));
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting S3Proxy", e);
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("Cannot start S3Proxy on " + endpoint, e);
        }
        return new EmbeddedS3Server(context, proxy, endpoint, accessKey, secretKey);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    public String endpoint() {
        return endpoint.toString();
    }

    public int port() {
        return endpoint.getPort();
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop S3Proxy", e);
        } finally {
            context.close();
        }
    }
}
