package dev.modelzoo.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Helpers for fine-tune tests: a tiny base and a learnable dataset per test user, waiting for jobs. */
public final class FineTunes {

    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    private FineTunes() {
    }

    /** Publishes a tiny 8x8 conv net as {@code <user>/tiny-base} and uploads {@code <user>/patterns}. */
    public static void setUp(String[] user) {
        Api.publish(Api.ADMIN_TOKEN, user[0], "tiny-base", Api.imageMetadata(List.of(1, 8, 8), List.of("a", "b",
                "c", "d"), null), TinyNetworks.save(TinyNetworks.convNet(1, 8, 4, 7))).then().statusCode(201);
        Api.as(user[1]).multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                .multiPart("file", Fixtures.patterns(8, 15, 3).toFile())
                .post("/api/v1/datasets/{ns}/patterns", user[0]).then().statusCode(201);
    }

    /** Creates a job and returns its id. */
    public static String create(String token, String body) {
        return Api.as(token).contentType("application/json").body(body).post("/api/v1/fine-tunes").then()
                .statusCode(202).extract().path("id");
    }

    public static String body(String ns, String target, String strategy, String extra) {
        return "{\"base\": \"" + ns + "/tiny-base\", \"dataset\": \"" + ns + "/patterns\", \"target\": \"" + ns + "/"
                + target + "\", \"strategy\": \"" + strategy + "\"" + (extra == null ? "" : ", " + extra) + "}";
    }

    public static JsonPath job(String id) {
        return io.restassured.RestAssured.given().get("/api/v1/fine-tunes/{id}", id).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Waits until the job is in {@code status} (failing fast if it ends in another final state). */
    public static JsonPath await(String id, String status, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonPath job = job(id);
        while (!status.equals(job.getString("status")) && Instant.now().isBefore(deadline)) {
            if (FINAL.contains(job.getString("status"))) {
                break;
            }
            sleep(200);
            job = job(id);
        }
        assertThat(job.getString("status")).as("job %s: %s %s", id, job.getString("errorCode"),
                job.getString("error")).isEqualTo(status);
        return job;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
