package dev.modelzoo.it;

import static dev.modelzoo.it.ItApi.on;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelzoo.embedded.EmbeddedPostgresServer;
import dev.modelzoo.embedded.EmbeddedS3Server;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two application processes on one PostgreSQL and one S3 server: an API-only instance and a worker-only instance.
 * A job created through the API is executed by the worker and its result is visible through the API.
 */
class TwoInstancesIT {

    private static final String ADMIN = "mzt_two-instances-admin";

    @Test
    void aJobCreatedThroughTheApiRunsOnTheWorkerInstance() throws Exception {
        Path root = Files.createTempDirectory("modelzoo-it-");
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(root.resolve("pg"),
                Path.of(System.getProperty("java.io.tmpdir"), "modelzoo-test-postgres-binaries"));
                EmbeddedS3Server s3 = EmbeddedS3Server.start(root.resolve("s3"), 0)) {
            Map<String, String> shared = new HashMap<>();
            shared.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
            shared.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
            shared.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
            shared.put("MODELZOO_STORAGE_URL", s3.endpoint());
            shared.put("MODELZOO_STORAGE_ACCESS_KEY", s3.accessKey());
            shared.put("MODELZOO_STORAGE_SECRET_KEY", s3.secretKey());
            shared.put("MODELZOO_ADMIN_TOKEN", ADMIN);
            shared.put("MODELZOO_MANIFEST_ENABLED", "false");
            Map<String, String> apiEnv = new HashMap<>(shared);
            apiEnv.put("MODELZOO_WORKER_ENABLED", "false");
            apiEnv.put("MODELZOO_DATA_DIR", root.resolve("api").toString());
            Map<String, String> workerEnv = new HashMap<>(shared);
            workerEnv.put("MODELZOO_WORKER_ENABLED", "true");
            workerEnv.put("MODELZOO_DATA_DIR", root.resolve("worker").toString());

            try (AppProcess api = AppProcess.start("it-api", ItApi.freePort(), apiEnv);
                    AppProcess worker = AppProcess.start("it-worker", ItApi.freePort(), workerEnv)) {
                api.awaitReady(Duration.ofMinutes(3));
                worker.awaitReady(Duration.ofMinutes(3));
                assertThat(api.log()).contains("Fine-tune worker disabled on this instance");
                Matcher identity = Pattern.compile("Fine-tune worker (\\S+) started").matcher(worker.log());
                assertThat(identity.find()).as(worker.log()).isTrue();

                String token = ItApi.seedBaseAndDataset(api, ADMIN, "it");
                String id = on(api).header("Authorization", "Bearer " + token).contentType("application/json")
                        .body("{\"base\": \"it/base\", \"dataset\": \"it/patterns\", \"target\": \"it/derived\","
                                + " \"strategy\": \"FULL\", \"hyperparameters\": {\"epochs\": 30, \"batchSize\": 4}}")
                        .post("/api/v1/fine-tunes").then().statusCode(202).extract().path("id");

                long[] before = worker.rssKbAndCpuTicks();
                long peakRss = before[0];
                Instant start = Instant.now();
                JsonPath job = on(api).get("/api/v1/fine-tunes/" + id).then().extract().jsonPath();
                while (!List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.getString("status"))
                        && Instant.now().isBefore(start.plus(Duration.ofMinutes(3)))) {
                    Thread.sleep(250);
                    peakRss = Math.max(peakRss, worker.rssKbAndCpuTicks()[0]);
                    job = on(api).get("/api/v1/fine-tunes/" + id).then().extract().jsonPath();
                }
                long[] after = worker.rssKbAndCpuTicks();
                double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
                assertThat(job.getString("status")).as(job.prettify()).isEqualTo("SUCCEEDED");

                String events = on(api).accept("text/event-stream").get("/api/v1/fine-tunes/" + id + "/events")
                        .then().extract().asString();
                assertThat(events).contains("started by " + identity.group(1) + "#0");
                JsonPath derived = on(api).get("/api/v1/models/it/derived/versions/1").then().statusCode(200)
                        .extract().jsonPath();
                assertThat(derived.getString("parent.reference")).isEqualTo("it/base@1");
                System.out.printf("TWO-INSTANCE job %s ran on worker %s (API instance has no worker): %s -> %s,"
                                + " validation accuracy %.3f; worker during the job: peak RSS %d MiB, CPU %.1f s in"
                                + " %.1f s wall (%.2f cores)%n", id, identity.group(1), job.getString("status"),
                        job.getString("result"), job.getDouble("evaluation.accuracy"), peakRss / 1024,
                        (after[1] - before[1]) / 100.0, seconds, (after[1] - before[1]) / 100.0 / seconds);
            }
        }
    }
}
