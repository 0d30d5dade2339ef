package dev.modelzoo.it;

import static dev.modelzoo.it.ItApi.await;
import static dev.modelzoo.it.ItApi.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelzoo.embedded.EmbeddedS3Server;
import dev.modelzoo.testing.FaultyProxy;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged server behind a faulty object store: down at start-up (the manifest import retries with backoff
 * until it comes back), then accepting connections and never answering (readiness answers within 2 s, requests
 * fail with 503 within the I/O timeout), then back (everything recovers without a restart).
 */
class StorageFaultsIT {

    @Test
    void outagesAndHangsOfTheObjectStoreAreSurvived() throws Exception {
        Path root = Files.createTempDirectory("modelzoo-storage-faults-");
        try (EmbeddedS3Server s3 = EmbeddedS3Server.start(root.resolve("s3"), 0);
                FaultyProxy proxy = new FaultyProxy(FaultyProxy.Mode.REFUSE)) {
            proxy.forwardTo(s3.port());
            Map<String, String> environment = Map.of("MODELZOO_DATA_DIR", root.resolve("app").toString(),
                    "MODELZOO_STORAGE_URL", "http://127.0.0.1:" + proxy.port(),
                    "MODELZOO_STORAGE_ACCESS_KEY", s3.accessKey(), "MODELZOO_STORAGE_SECRET_KEY", s3.secretKey(),
                    "MODELZOO_STORAGE_CONNECT_TIMEOUT", "2s", "MODELZOO_STORAGE_IO_TIMEOUT", "3s",
                    "MODELZOO_ADMIN_TOKEN", "mzt_storage-faults-admin");
            try (AppProcess app = AppProcess.start("storage-faults", ItApi.freePort(), environment)) {
                // 1. down at start-up: the import waits and retries instead of failing for good
                HttpResponse<String> ready = await(app, "/q/health/ready",
                        r -> r.statusCode() == 503 && r.body().contains("RETRYING"), Duration.ofMinutes(2));
                assertThat(ready.body()).contains("\"object-store\"");
                proxy.mode(FaultyProxy.Mode.FORWARD);
                app.awaitReady(Duration.ofSeconds(90));
                assertThat(get(app, "/api/v1/models/zoo/letters-lenet/versions/1").statusCode()).isEqualTo(200);

                // 2. accepts and never answers: bounded answers, 503 for what needs the store
                proxy.mode(FaultyProxy.Mode.HANG);
                Instant start = Instant.now();
                HttpResponse<String> probe = get(app, "/q/health/ready");
                Duration probeTook = Duration.between(start, Instant.now());
                assertThat(probeTook).isLessThan(Duration.ofSeconds(2));
                assertThat(probe.statusCode()).isEqualTo(503);
                start = Instant.now();
                HttpResponse<String> download = get(app, "/api/v1/models/zoo/fashion-lenet/versions/1/artifact");
                Duration took = Duration.between(start, Instant.now());
                assertThat(download.statusCode()).as(download.body()).isEqualTo(503);
                assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(took).isLessThan(Duration.ofSeconds(9));

                // 3. back: ready again and serving, without a restart
                proxy.mode(FaultyProxy.Mode.FORWARD);
                app.awaitReady(Duration.ofSeconds(30));
                assertThat(get(app, "/api/v1/models/zoo/fashion-lenet/versions/1/artifact").statusCode())
                        .isEqualTo(200);
                System.out.printf("STORAGE-FAULTS readiness during a hang answered in %d ms; a download needing"
                        + " the store got 503 after %d ms%n", probeTook.toMillis(),
                        took.toMillis());
            }
        }
    }
}
