package dev.modelzoo.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.FineTunes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Overload: with the job queue full (here 2 waiting jobs and no worker on this instance), a new fine-tune is
 * answered 503 problem+json with Retry-After, never a 500, and no job is created; once a waiting job is cancelled
 * the same request is queued.
 */
@QuarkusTest
@TestProfile(WorkerSaturationTest.FullQueue.class)
class WorkerSaturationTest {

    /** A queue of two and no worker claiming jobs. */
    public static class FullQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("modelzoo.worker.max-queued", "2", "modelzoo.worker.enabled", "false");
        }
    }

    @Test
    void aFullQueueAnswers503AndCreatesNothing() {
        cancelQueued();
        String[] user = Api.newUser("queue");
        FineTunes.setUp(user);
        String first = FineTunes.create(user[1], FineTunes.body(user[0], "one", "HEAD_ONLY", null));
        FineTunes.create(user[1], FineTunes.body(user[0], "two", "HEAD_ONLY", null));

        Response busy = Api.as(user[1]).contentType("application/json")
                .body(FineTunes.body(user[0], "three", "HEAD_ONLY", null)).post("/api/v1/fine-tunes");
        assertThat(busy.statusCode()).as(busy.asString()).isEqualTo(503);
        assertThat(busy.contentType()).startsWith("application/problem+json");
        assertThat(busy.header("Retry-After")).isEqualTo("2");
        assertThat(busy.jsonPath().getString("detail")).contains("workers are saturated");
        assertThat(Api.as(user[1]).get("/api/v1/fine-tunes?status=QUEUED").jsonPath().getList("items")).hasSize(2);

        Api.as(user[1]).post("/api/v1/fine-tunes/{id}/cancel", first).then().statusCode(200);
        FineTunes.create(user[1], FineTunes.body(user[0], "three", "HEAD_ONLY", null));
        cancelQueued();
    }

    /** The database is shared by every test boot: jobs left waiting by others (or this test) are cancelled. */
    private static void cancelQueued() {
        for (String id : Api.asAdmin().get("/api/v1/fine-tunes?status=QUEUED&size=100").jsonPath()
                .getList("items.id", String.class)) {
            Api.asAdmin().post("/api/v1/fine-tunes/{id}/cancel", id).then().statusCode(200);
        }
    }
}
