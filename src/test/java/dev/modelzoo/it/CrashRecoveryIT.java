package dev.modelzoo.it;

import static dev.modelzoo.it.ItApi.on;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the packaged server on the embedded default, twice, during a running fine-tune: it comes back on the
 * same data directory by itself, with the catalog intact and the interrupted job re-claimed and finished. The
 * first kill also takes out the watchdog (as on a system without a shell), leaving PostgreSQL running: the next
 * start must stop it; the second kill leaves the watchdog, which must end PostgreSQL on its own.
 */
class CrashRecoveryIT {

    private static final String ADMIN = "mzt_crash-recovery-admin";

    @Test
    void theEmbeddedDefaultSurvivesKillNineDuringAFineTune() throws Exception {
        Path root = Files.createTempDirectory("modelzoo-crash-");
        Map<String, String> environment = Map.of("MODELZOO_DATA_DIR", root.toString(),
                "MODELZOO_ADMIN_TOKEN", ADMIN, "MODELZOO_MANIFEST_ENABLED", "false",
                "MODELZOO_WORKER_LEASE_DURATION", "4s", "MODELZOO_WORKER_REAPER_INTERVAL", "1s",
                "MODELZOO_WORKER_POLL_INTERVAL", "200ms", "MODELZOO_WORKER_MAX_ATTEMPTS", "5");
        Path lock = root.resolve("postgres").resolve("postmaster.pid");
        int port = ItApi.freePort();

        String id;
        try (AppProcess first = AppProcess.start("crash-1", port, environment)) {
            first.awaitReady(Duration.ofMinutes(3));
            String token = ItApi.seedBaseAndDataset(first, ADMIN, "crash");
            id = on(first).header("Authorization", "Bearer " + token).contentType("application/json")
                    .body("{\"base\": \"crash/base\", \"dataset\": \"crash/patterns\", \"target\": \"crash/derived\","
                            + " \"strategy\": \"FULL\", \"hyperparameters\": {\"epochs\": 150, \"batchSize\": 4}}")
                    .post("/api/v1/fine-tunes").then().statusCode(202).extract().path("id");
            awaitAttempt(first, id, 1);
            long postmaster = postmasterPid(lock).orElseThrow();
            first.children().forEach(ProcessHandle::destroyForcibly);   // no watchdog this time
            first.kill();
            Thread.sleep(1500);
            assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("orphaned PostgreSQL")
                    .isPresent();
        }

        try (AppProcess second = AppProcess.start("crash-2", port, environment)) {
            Instant start = Instant.now();
            second.awaitReady(Duration.ofSeconds(60));
            Duration ready = Duration.between(start, Instant.now());
            assertThat(ready).as("ready after the crash").isLessThan(Duration.ofSeconds(30));
            assertThat(second.log()).contains("left by a previous run still serves");
            on(second).get("/api/v1/models/crash/base/versions/1").then().statusCode(200);
            on(second).get("/api/v1/datasets/crash/patterns").then().statusCode(200);
            // a job running when the server died: its lease expires, it is queued again and runs to the end
            awaitAttempt(second, id, 2);
            long postmaster = postmasterPid(lock).orElseThrow();
            second.kill();   // the watchdog stays: it must stop PostgreSQL by itself
            Instant deadline = Instant.now().plusSeconds(15);
            while (ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("PostgreSQL after kill -9")
                    .isEmpty();
            System.out.printf("CRASH-RECOVERY ready %.1f s after kill -9 with PostgreSQL orphaned%n",
                    ready.toMillis() / 1000.0);
        }

        try (AppProcess third = AppProcess.start("crash-3", port, environment)) {
            third.awaitReady(Duration.ofSeconds(60));
            JsonPath job = awaitStatus(third, id, "SUCCEEDED", Duration.ofMinutes(3));
            assertThat(job.getInt("attempts")).isGreaterThanOrEqualTo(3);
            assertThat(job.getString("result")).isEqualTo("crash/derived@1");
            on(third).get("/api/v1/models/crash/derived/versions/1").then().statusCode(200);
            on(third).get("/api/v1/models/crash/base/versions/1").then().statusCode(200);
        }
    }

    private static JsonPath awaitStatus(AppProcess app, String id, String status, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonPath job = on(app).get("/api/v1/fine-tunes/" + id).then().extract().jsonPath();
        while (!status.equals(job.getString("status")) && Instant.now().isBefore(deadline)) {
            assertThat(job.getString("status")).as(job.prettify()).isNotIn(List.of("FAILED", "CANCELLED")
                    .stream().filter(s -> !s.equals(status)).toList());
            Thread.sleep(200);
            job = on(app).get("/api/v1/fine-tunes/" + id).then().extract().jsonPath();
        }
        assertThat(job.getString("status")).as(job.prettify()).isEqualTo(status);
        return job;
    }

    /** Waits until the job runs its {@code attempt}-th attempt (a claim by the current instance's worker). */
    private static void awaitAttempt(AppProcess app, String id, int attempt) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonPath job = on(app).get("/api/v1/fine-tunes/" + id).then().extract().jsonPath();
        while (!(job.getInt("attempts") >= attempt && "RUNNING".equals(job.getString("status")))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            job = on(app).get("/api/v1/fine-tunes/" + id).then().extract().jsonPath();
        }
        assertThat(job.getInt("attempts")).as(job.prettify()).isGreaterThanOrEqualTo(attempt);
        assertThat(job.getString("status")).as(job.prettify()).isEqualTo("RUNNING");
    }

    private static Optional<Long> postmasterPid(Path lock) throws Exception {
        return Files.exists(lock) ? Optional.of(Long.parseLong(Files.readAllLines(lock).get(0).strip()))
                : Optional.empty();
    }
}
