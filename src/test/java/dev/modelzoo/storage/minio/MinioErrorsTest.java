package dev.modelzoo.storage.minio;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelzoo.embedded.EmbeddedS3Server;
import dev.modelzoo.error.ServiceUnavailableException;
import dev.modelzoo.storage.NoSuchObjectException;
import io.minio.MinioClient;
import java.net.ServerSocket;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Only unavailability of the object store is a 503; a store that rejects the request is this server's failure. */
class MinioErrorsTest {

    @Test
    void unreachableIsUnavailableRejectedIsNotMissingIsMissing() throws Exception {
        try (EmbeddedS3Server s3 = EmbeddedS3Server.start(Files.createTempDirectory("modelzoo-minio-errors-"), 0)) {
            MinioObjectStore good = store(s3.endpoint(), s3.accessKey(), s3.secretKey());
            good.ensureBucket();
            assertThatThrownBy(() -> good.get("no/such/key")).isInstanceOf(NoSuchObjectException.class);

            MinioObjectStore wrongSecret = store(s3.endpoint(), s3.accessKey(), "not-the-secret");
            assertThatThrownBy(wrongSecret::ensureBucket).isInstanceOf(IllegalStateException.class)
                    .isNotInstanceOf(ServiceUnavailableException.class);
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        MinioObjectStore down = store("http://127.0.0.1:" + closed, "a", "b");
        assertThatThrownBy(down::ensureBucket).isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void creatingTheBucketFromSeveralCallersAtOnceIsNotAnError() throws Exception {
        try (EmbeddedS3Server s3 = EmbeddedS3Server.start(Files.createTempDirectory("modelzoo-minio-race-"), 0)) {
            MinioObjectStore store = store(s3.endpoint(), s3.accessKey(), s3.secretKey());
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                var calls = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                for (int i = 0; i < 8; i++) {
                    calls.add(pool.submit(store::ensureBucket));
                }
                for (var call : calls) {
                    call.get(30, java.util.concurrent.TimeUnit.SECONDS);   // rethrows what a caller got
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static MinioObjectStore store(String endpoint, String accessKey, String secretKey) {
        MinioClient client = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey)
                .region("us-east-1").build();
        return new MinioObjectStore(client, client, "modelzoo");
    }
}
