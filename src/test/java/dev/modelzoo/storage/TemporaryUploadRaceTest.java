package dev.modelzoo.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Concurrent temporary uploads and discards against the real S3 server (S3Proxy, filesystem backend, through the
 * MinIO client), as concurrent publishes do them. That backend removes a blob's parent directories once they are
 * empty; temporary keys under a shared folder made a discard race with an upload being written into it (11 of 3,323
 * publishes failed in the catalog benchmark). Flat temporary keys share no folder, so nothing can race.
 */
@QuarkusTest
class TemporaryUploadRaceTest {

    @Inject
    BlobStore blobs;

    @Inject
    ObjectStore objects;

    @Test
    void concurrentUploadsAndDiscardsNeverFail() throws Exception {
        byte[] bytes = new byte[2048];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(() -> {
                int failures = 0;
                for (int i = 0; i < 300; i++) {
                    try {
                        blobs.discard(blobs.upload(new ByteArrayInputStream(bytes), bytes.length));
                    } catch (RuntimeException e) {
                        failures++;
                    }
                }
                return failures;
            });
        }
        int failures = 0;
        for (Future<Integer> result : pool.invokeAll(workers, 2, TimeUnit.MINUTES)) {
            failures += result.get();
        }
        pool.shutdown();
        assertThat(failures).as("failed uploads of 1200").isZero();
        assertThat(objects.list(TemporaryUpload.PREFIX)).isEmpty();
    }
}
