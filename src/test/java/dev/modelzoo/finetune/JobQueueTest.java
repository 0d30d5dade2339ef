package dev.modelzoo.finetune;

import static dev.modelzoo.testing.FineTunes.await;
import static dev.modelzoo.testing.FineTunes.body;
import static dev.modelzoo.testing.FineTunes.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.FineTunes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue: two workers share it, leases expire into retries or WORKER_LOST, cancels in both states. */
@QuarkusTest
class JobQueueTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String LONG = "\"hyperparameters\": {\"epochs\": 1000, \"batchSize\": 1}";

    @Inject
    EntityManager entityManager;

    @Inject
    JobEventRepository events;

    private static String[] user;

    @BeforeEach
    void setUp() {
        if (user == null) {
            user = Api.newUser("queue");
            FineTunes.setUp(user);
        }
    }

    @Test
    void twoWorkersRunTenJobsExactlyOnceEach() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(create(user[1], body(user[0], "ten", "HEAD_ONLY",
                    "\"hyperparameters\": {\"epochs\": 1, \"batchSize\": 16}")));
        }
        Set<String> results = new HashSet<>();
        Set<String> workers = new HashSet<>();
        for (String id : ids) {
            JsonPath job = await(id, "SUCCEEDED", TIMEOUT);
            assertThat(job.getInt("attempts")).isEqualTo(1);
            results.add(job.getString("result"));
            List<String> starts = events.after(UUID.fromString(id), 0).stream()
                    .filter(e -> e.type == JobEventType.STATE && e.payload.status() == JobStatus.RUNNING)
                    .map(e -> e.payload.message()).toList();
            assertThat(starts).hasSize(1);
            workers.add(starts.get(0).replaceAll(".*started by ", ""));
        }
        // ten jobs, ten distinct versions of one target: none ran twice, none was lost
        assertThat(results).hasSize(10);
        given().get("/api/v1/models/{ns}/ten", user[0]).then().body("latestVersion", equalTo(10));
        assertThat(workers).hasSizeGreaterThanOrEqualTo(1);
    }

    @Test
    void anExpiredLeaseLeadsToASecondAttempt() {
        String id = create(user[1], body(user[0], "retried", "HEAD_ONLY",
                "\"hyperparameters\": {\"epochs\": 300, \"batchSize\": 2}"));
        await(id, "RUNNING", TIMEOUT);
        // the worker "dies": its lease now belongs to a ghost and is already over
        killWorker(id, 1);
        JsonPath job = await(id, "SUCCEEDED", TIMEOUT);
        assertThat(job.getInt("attempts")).isEqualTo(2);
        assertThat(events.after(UUID.fromString(id), 0).stream().map(e -> String.valueOf(e.payload.message())))
                .anyMatch(m -> m.contains("lease of ghost expired after attempt 1 of 3; queued again"));
    }

    @Test
    void anExpiredLeaseOnTheLastAttemptFailsWithWorkerLost() {
        String id = create(user[1], body(user[0], "lost", "HEAD_ONLY", LONG));
        await(id, "RUNNING", TIMEOUT);
        killWorker(id, 3);
        JsonPath job = await(id, "FAILED", TIMEOUT);
        assertThat(job.getString("errorCode")).isEqualTo("WORKER_LOST");
        assertThat(job.getString("error")).contains("stopped renewing its lease");
        given().get("/api/v1/models/{ns}/lost", user[0]).then().statusCode(404);
    }

    @Test
    void cancelStopsQueuedJobsAtOnceAndRunningOnesAtTheNextMinibatch() {
        String first = create(user[1], body(user[0], "cancel-a", "FULL", LONG));
        String second = create(user[1], body(user[0], "cancel-b", "FULL", LONG));
        await(first, "RUNNING", TIMEOUT);
        await(second, "RUNNING", TIMEOUT);
        String queued = create(user[1], body(user[0], "cancel-c", "FULL", LONG));
        FineTunes.sleep(500);
        assertThat(FineTunes.job(queued).getString("status")).isEqualTo("QUEUED");

        Api.as(user[1]).post("/api/v1/fine-tunes/{id}/cancel", queued).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        String[] other = Api.newUser("stranger");
        Api.as(other[1]).post("/api/v1/fine-tunes/{id}/cancel", first).then().statusCode(403);
        Api.as(user[1]).post("/api/v1/fine-tunes/{id}/cancel", first).then().statusCode(200)
                .body("status", equalTo("RUNNING"));
        Api.asAdmin().post("/api/v1/fine-tunes/{id}/cancel", second).then().statusCode(200);
        await(first, "CANCELLED", Duration.ofSeconds(30));
        await(second, "CANCELLED", Duration.ofSeconds(30));
        Api.as(user[1]).post("/api/v1/fine-tunes/{id}/cancel", first).then().statusCode(409);
        for (String name : List.of("cancel-a", "cancel-b", "cancel-c")) {
            given().get("/api/v1/models/{ns}/{name}", user[0], name).then().statusCode(404);
        }
        given().get("/api/v1/fine-tunes?status=CANCELLED").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItems(first, second, queued));
    }

    /** Simulates the death of the worker holding {@code id}: its lease passes to a ghost and expires. */
    private void killWorker(String id, int attempts) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("UPDATE fine_tune_job SET"
                + " lease_owner = 'ghost', lease_expires_at = ?1, attempts = ?2 WHERE id = ?3")
                .setParameter(1, Instant.now().minusSeconds(1)).setParameter(2, attempts)
                .setParameter(3, UUID.fromString(id)).executeUpdate());
    }
}
